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

    /**
     * {@code eventfilter(action(include|exclude),name(X)) =}, or with {@code ,header(H),method(regex)) = <regex>}
     * matching only the events whose header {@code H} matches (a POSIX regex; the ones used here read the same in
     * Java); {@code header} and {@code regex} are null for a filter on the name alone.
     */
    record EventFilter(String action, String eventName, String header, String regex) {

        /** Whether this filter applies to an event named {@code event} with these headers. */
        boolean matches(String event, Map<String, String> headers) {
            if (!eventName.equals(event)) {
                return false;
            }
            if (header == null) {
                return true;
            }
            String value = headers.get(header);
            return value != null && Pattern.compile(regex).matcher(value).find();
        }
    }

    private static final Pattern SECTION = Pattern.compile("^\\[([^\\]]+)\\]$");
    private static final Pattern FILTER =
            Pattern.compile("^eventfilter\\(action\\((include|exclude)\\),name\\(([A-Za-z]+)\\)"
                    + "(?:,header\\(([A-Za-z-]+)\\),method\\(regex\\))?\\)\\s*=\\s*(.*)$");

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
                if ((filter.group(3) == null) != filter.group(4).isEmpty()) {
                    throw new IllegalArgumentException("a header filter needs a regex and only it: " + line);
                }
                filters.add(new EventFilter(filter.group(1), filter.group(2), filter.group(3),
                        filter.group(3) == null ? null : filter.group(4)));
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

    /** The events excluded whatever their headers. */
    Set<String> excludedEvents() {
        return eventFilters.stream().filter(f -> f.action().equals("exclude") && f.header() == null)
                .map(EventFilter::eventName).collect(Collectors.toSet());
    }

    /**
     * Whether Asterisk sends the event to this user as far as the filters go (its read classes aside): with no
     * include filter, every event no exclude filter matches.
     */
    boolean passesFilters(String event, Map<String, String> headers) {
        if (eventFilters.stream().anyMatch(f -> f.action().equals("include"))) {
            throw new IllegalStateException("include filters are not modelled");
        }
        return eventFilters.stream().noneMatch(f -> f.matches(event, headers));
    }
}
