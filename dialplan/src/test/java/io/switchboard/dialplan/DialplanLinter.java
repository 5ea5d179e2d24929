package io.switchboard.dialplan;

import io.switchboard.dialplan.AsteriskDialplan.Priority;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Static checks for an Asterisk dialplan file, the mistakes that otherwise show up only as a caller
 * silently hung up: a Goto or Dial into a context or label that does not exist, a {@code same =>}
 * without its {@code exten =>}, an extension without priority 1.
 */
final class DialplanLinter {

    private static final Pattern LOCAL_CHANNEL = Pattern.compile("Local/[^@&,]+@([A-Za-z0-9_-]+)");

    private final Set<String> externalContexts;

    /** @param externalContexts contexts the file may reference without defining (documented in the file). */
    DialplanLinter(Set<String> externalContexts) {
        this.externalContexts = Set.copyOf(externalContexts);
    }

    List<String> lint(AsteriskDialplan plan) {
        List<String> findings = new ArrayList<>(plan.problems());
        checkPriorityOne(plan, findings);
        for (AsteriskDialplan.Include include : plan.includes()) {
            checkContext(plan, include.line(), include.included(), "include", findings);
        }
        for (Priority p : plan.priorities()) {
            switch (p.app()) {
                case "Goto" -> checkGoto(plan, p, p.args(), findings);
                case "GotoIf" -> checkGotoIf(plan, p, findings);
                case "Dial" -> checkDial(plan, p, findings);
                default -> { }
            }
        }
        return findings;
    }

    private void checkPriorityOne(AsteriskDialplan plan, List<String> findings) {
        Map<String, Priority> firstOf = new LinkedHashMap<>();
        Set<String> withOne = new LinkedHashSet<>();
        for (Priority p : plan.priorities()) {
            String key = "[" + p.context() + "] " + p.exten();
            firstOf.putIfAbsent(key, p);
            if (p.number() == 1) {
                withOne.add(key);
            }
        }
        firstOf.forEach((key, first) -> {
            if (!withOne.contains(key)) {
                findings.add(first.line() + ": extension " + key + " has no priority 1");
            }
        });
    }

    private void checkGotoIf(AsteriskDialplan plan, Priority p, List<String> findings) {
        int question = Args.lastTopLevel(p.args(), '?');
        if (question < 0) {
            findings.add(p.line() + ": GotoIf without '?': " + p.args());
            return;
        }
        for (String branch : Args.split(p.args().substring(question + 1), ':')) {
            if (!branch.isBlank()) {
                checkGoto(plan, p, branch, findings);
            }
        }
    }

    /** Goto(label|priority), Goto(exten,label|priority), Goto(context,exten,label|priority). */
    private void checkGoto(AsteriskDialplan plan, Priority p, String target, List<String> findings) {
        List<String> parts = Args.split(target.strip(), ',').stream().map(String::strip).toList();
        String context = parts.size() == 3 ? parts.get(0) : p.context();
        String exten = parts.size() >= 2 ? parts.get(parts.size() - 2) : p.exten();
        String priority = parts.get(parts.size() - 1);
        if (parts.size() > 3 || priority.isEmpty()) {
            findings.add(p.line() + ": cannot read Goto target '" + target + "'");
            return;
        }
        if (!checkContext(plan, p.line(), context, p.app(), findings) || isDynamic(exten) || isDynamic(priority)
                || externalContexts.contains(context)) {
            return;
        }
        List<Priority> steps = plan.extension(context, exten);
        if (steps.isEmpty()) {
            findings.add(p.line() + ": " + p.app() + " to missing extension " + exten + " in [" + context + "]");
        } else if (priority.chars().allMatch(Character::isDigit)) {
            int number = Integer.parseInt(priority);
            if (steps.stream().noneMatch(s -> s.number() == number)) {
                findings.add(p.line() + ": " + p.app() + " to missing priority " + exten + "," + number + " in [" + context + "]");
            }
        } else if (steps.stream().noneMatch(s -> s.label().equals(priority))) {
            findings.add(p.line() + ": " + p.app() + " to missing label " + exten + "," + priority + " in [" + context + "]");
        }
    }

    private void checkDial(AsteriskDialplan plan, Priority p, List<String> findings) {
        String devices = p.argList().isEmpty() ? "" : p.argList().get(0);
        Matcher local = LOCAL_CHANNEL.matcher(devices);
        while (local.find()) {
            checkContext(plan, p.line(), local.group(1), "Dial", findings);
        }
    }

    private boolean checkContext(AsteriskDialplan plan, int line, String context, String how, List<String> findings) {
        if (isDynamic(context) || plan.contexts().containsKey(context) || externalContexts.contains(context)) {
            return true;
        }
        findings.add(line + ": " + how + " references context [" + context + "], which is neither defined nor documented as external");
        return false;
    }

    private static boolean isDynamic(String name) {
        return name.contains("${") || name.contains("$[");
    }
}
