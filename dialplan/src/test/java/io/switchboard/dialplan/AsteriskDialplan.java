package io.switchboard.dialplan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Asterisk {@code extensions.conf} file read the way pbx_config reads it: {@code [context]} headers,
 * {@code exten =>} and {@code same =>} priorities (with {@code n} and {@code (label)}), {@code include =>}.
 * Lines it cannot place are kept as {@link #problems()} so the linter can report them.
 */
record AsteriskDialplan(Map<String, List<Priority>> contexts, List<Include> includes, List<String> problems) {

    /** One dialplan step. {@code number} is resolved ({@code n} counted), {@code label} may be empty. */
    record Priority(int line, String context, String exten, int number, String label, String app, String args) {
        List<String> argList() {
            return Args.split(args, ',');
        }
    }

    /** An {@code include => context} line. */
    record Include(int line, String context, String included) {
    }

    private static final Pattern CONTEXT = Pattern.compile("^\\[([^\\]]+)\\](\\(.*\\))?$");
    private static final Pattern ASSIGNMENT = Pattern.compile("^(exten|same|include)\\s*=>?\\s*(.*)$");
    private static final Pattern PRIORITY = Pattern.compile("^(\\d+|n)(?:\\(([A-Za-z0-9_-]+)\\))?$");
    private static final Pattern APPLICATION = Pattern.compile("^([A-Za-z][A-Za-z0-9_]*)(?:\\((.*)\\))?$");

    static AsteriskDialplan parse(String text) {
        Map<String, List<Priority>> contexts = new LinkedHashMap<>();
        List<Include> includes = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        String context = null;
        String exten = null;
        int last = 0;
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = stripComment(lines[i]).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher header = CONTEXT.matcher(line);
            if (header.matches()) {
                context = header.group(1).strip();
                contexts.putIfAbsent(context, new ArrayList<>());
                exten = null;
                continue;
            }
            Matcher assignment = ASSIGNMENT.matcher(line);
            if (context == null) {
                problems.add(lineNo + ": outside any [context]: " + line);
                continue;
            }
            if (!assignment.matches()) {
                if (!isSettingsContext(context)) {
                    problems.add(lineNo + ": not a dialplan line: " + line);
                }
                continue;
            }
            String kind = assignment.group(1);
            String rest = assignment.group(2).strip();
            if (kind.equals("include")) {
                includes.add(new Include(lineNo, context, rest));
                continue;
            }
            List<String> parts;
            if (kind.equals("exten")) {
                parts = Args.splitLimit(rest, 3);
                if (parts.size() < 3) {
                    problems.add(lineNo + ": exten needs extension,priority,application: " + line);
                    continue;
                }
                exten = parts.get(0).strip();
                parts = parts.subList(1, 3);
            } else {
                if (exten == null) {
                    problems.add(lineNo + ": 'same =>' without a preceding 'exten =>' in [" + context + "]");
                    continue;
                }
                parts = Args.splitLimit(rest, 2);
                if (parts.size() < 2) {
                    problems.add(lineNo + ": same needs priority,application: " + line);
                    continue;
                }
            }
            Matcher priority = PRIORITY.matcher(parts.get(0).strip());
            Matcher app = APPLICATION.matcher(parts.get(1).strip());
            if (!priority.matches() || !app.matches()) {
                problems.add(lineNo + ": cannot read priority/application: " + line);
                continue;
            }
            int number;
            if (priority.group(1).equals("n")) {
                if (kind.equals("exten") && !hasExten(contexts.get(context), exten)) {
                    problems.add(lineNo + ": extension " + exten + " starts with priority n, not 1");
                    continue;
                }
                number = last + 1;
            } else {
                number = Integer.parseInt(priority.group(1));
            }
            last = number;
            String label = priority.group(2) == null ? "" : priority.group(2);
            String args = app.group(2) == null ? "" : app.group(2);
            contexts.get(context).add(new Priority(lineNo, context, exten, number, label, app.group(1), args));
        }
        return new AsteriskDialplan(contexts, includes, problems);
    }

    private static boolean hasExten(List<Priority> priorities, String exten) {
        return priorities.stream().anyMatch(p -> p.exten().equals(exten));
    }

    private static boolean isSettingsContext(String context) {
        return context.equals("general") || context.equals("globals");
    }

    /** Removes a {@code ;} comment; {@code \;} is a literal semicolon. */
    static String stripComment(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == ';' && (i == 0 || line.charAt(i - 1) != '\\')) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    List<Priority> priorities() {
        return contexts.values().stream().flatMap(List::stream).toList();
    }

    List<Priority> extension(String context, String exten) {
        return contexts.getOrDefault(context, List.of()).stream().filter(p -> p.exten().equals(exten)).toList();
    }
}
