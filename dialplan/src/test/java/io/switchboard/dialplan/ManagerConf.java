package io.switchboard.dialplan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** One user section of an Asterisk {@code manager.conf}: its settings and its event filters. */
record ManagerConf(String user, Map<String, String> settings, List<EventFilter> eventFilters) {

    /** {@code eventfilter(action(include|exclude),name(X)) =} */
    record EventFilter(String action, String eventName) {
    }

    private static final Pattern SECTION = Pattern.compile("^\\[([^\\]]+)\\]$");
    private static final Pattern FILTER =
            Pattern.compile("^eventfilter\\(action\\((include|exclude)\\),name\\(([A-Za-z]+)\\)\\)\\s*=\\s*$");

    static ManagerConf parse(String text) {
        String user = null;
        Map<String, String> settings = new LinkedHashMap<>();
        List<EventFilter> filters = new ArrayList<>();
        for (String raw : text.split("\r?\n")) {
            String line = AsteriskDialplan.stripComment(raw).strip();
            if (line.isEmpty()) {
                continue;
            }
            Matcher section = SECTION.matcher(line);
            Matcher filter = FILTER.matcher(line);
            if (section.matches()) {
                if (user != null) {
                    throw new IllegalArgumentException("expected one user section, found [" + user + "] and " + line);
                }
                user = section.group(1);
            } else if (filter.matches()) {
                filters.add(new EventFilter(filter.group(1), filter.group(2)));
            } else if (line.contains("=")) {
                int eq = line.indexOf('=');
                settings.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            } else {
                throw new IllegalArgumentException("cannot read manager.conf line: " + line);
            }
        }
        return new ManagerConf(user, settings, filters);
    }

    Set<String> classes(String key) {
        return Arrays.stream(settings.getOrDefault(key, "").split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    Set<String> excludedEvents() {
        return eventFilters.stream().filter(f -> f.action().equals("exclude"))
                .map(EventFilter::eventName).collect(Collectors.toSet());
    }
}
