package io.switchboard.dialplan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The contract written in the header comment of {@code freeswitch/dialplan/switchboard.xml}: the
 * entry points with their input variables, and the custom events with their headers. Tests hold
 * the XML below the comment, and the README, to exactly this.
 */
record GlueContract(Set<String> entryPoints, Set<String> inputs, Map<String, List<String>> events) {

    private static final Pattern ENTRY_LINE = Pattern.compile(
            "^ {4}((?:switchboard_[a-z_]+|\\*7\\d)(?:, (?:switchboard_[a-z_]+|\\*7\\d))*)(?:\\s|$).*");
    private static final Pattern NAME = Pattern.compile("switchboard_[a-z_]+|\\*7\\d");
    private static final Pattern VARIABLE = Pattern.compile("\\bswitchboard_[a-z_]+");
    private static final Pattern EVENT_LINE = Pattern.compile("^ {4}(switchboard::[a-z_]+)\\s+(.*)$");
    private static final Pattern HEADER = Pattern.compile("Switchboard-[A-Z][A-Za-z]*(?:-[A-Z][A-Za-z]*)*");

    static GlueContract parse(String comment) {
        String entries = section(comment, "Entry points", "Internal steps");
        Set<String> entryPoints = new LinkedHashSet<>();
        Set<String> inputs = new LinkedHashSet<>();
        for (String line : entries.split("\n")) {
            Matcher m = ENTRY_LINE.matcher(line);
            if (m.matches()) {
                Matcher names = NAME.matcher(m.group(1));
                while (names.find()) {
                    entryPoints.add(names.group());
                }
            }
            Matcher vars = VARIABLE.matcher(m.matches() ? line.substring(m.end(1)) : line);
            while (vars.find()) {
                inputs.add(vars.group());
            }
        }
        Map<String, List<String>> events = new LinkedHashMap<>();
        List<String> current = null;
        for (String line : section(comment, "Events:", "Not an event of ours").split("\n")) {
            Matcher m = EVENT_LINE.matcher(line);
            String headers;
            if (m.matches()) {
                current = new ArrayList<>();
                events.put(m.group(1), current);
                headers = m.group(2);
            } else if (current != null && line.strip().startsWith("Switchboard-")) {
                headers = line;
            } else {
                continue;
            }
            Matcher h = HEADER.matcher(headers);
            while (h.find()) {
                current.add(h.group());
            }
        }
        return new GlueContract(entryPoints, inputs, events);
    }

    private static String section(String text, String from, String to) {
        int start = text.indexOf(from);
        int end = text.indexOf(to, start + 1);
        if (start < 0 || end < 0) {
            throw new IllegalArgumentException("no section between '" + from + "' and '" + to + "'");
        }
        return text.substring(start, end);
    }
}
