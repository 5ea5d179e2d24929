package io.switchboard.sim.freeswitch;

import io.switchboard.sim.esl.EventFormat;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What one ESL session has asked to see: the {@code event} names (or ALL, or CUSTOM subclasses),
 * the encoding, and {@code filter} lines. A filter hides every event that matches none of the
 * filters, BACKGROUND_JOB included when it lacks the header (Quirk 12). Touched only on the engine thread.
 */
final class Subscription {

    private final Set<String> names = new HashSet<>();
    private final Set<String> subclasses = new HashSet<>();
    private final List<Map.Entry<String, String>> filters = new ArrayList<>();
    private boolean all;
    private EventFormat format;

    /** {@code event <format> <names...>}: adds to the subscription; returns the Reply-Text. */
    String subscribe(EventFormat requested, List<String> requestedNames) {
        format = requested;
        boolean custom = false;
        for (String name : requestedNames) {
            String upper = name.toUpperCase(Locale.ROOT);
            if (custom && name.contains("::")) {
                subclasses.add(name);
            } else if (upper.equals("ALL")) {
                all = true;
            } else {
                custom = upper.equals("CUSTOM");
                names.add(upper);
            }
        }
        return "+OK event listener enabled " + requested.name().toLowerCase(Locale.ROOT);
    }

    /** {@code noevents}. */
    String clear() {
        names.clear();
        subclasses.clear();
        all = false;
        format = null;
        return "+OK no longer listening for events";
    }

    String addFilter(String header, String value) {
        filters.add(Map.entry(header, value));
        return "+OK filter added. [" + header + "]=[" + value + "]";
    }

    String deleteFilter(String header, String value) {
        filters.removeIf(f -> f.getKey().equalsIgnoreCase(header) && (value.isEmpty() || f.getValue().equals(value)));
        return "+OK filter deleted. [" + header + "][" + value + "]";
    }

    EventFormat format() {
        return format;
    }

    boolean wants(FsEvent event) {
        if (format == null) {
            return false;
        }
        String name = event.name();
        // mod_event_socket: a CUSTOM event with a subclass goes only to listeners that named that subclass
        boolean subscribed = all || (name.equals("CUSTOM")
                ? names.contains("CUSTOM") && event.header("Event-Subclass").map(subclasses::contains).orElse(true)
                : names.contains(name));
        if (!subscribed) {
            return false;
        }
        return filters.isEmpty() || filters.stream()
                .anyMatch(f -> event.header(f.getKey()).filter(f.getValue()::equals).isPresent());
    }
}
