package io.switchboard.dialplan;

import io.switchboard.dialplan.AsteriskDialplan.Priority;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The UserEvents a dialplan sends: name to the field names of its body, in order. */
final class UserEvents {

    /**
     * Headers Asterisk writes itself on a dialplan UserEvent: the event envelope and the channel
     * snapshot (fixture 11). A body field with one of these names becomes a duplicate header (Quirk 7).
     */
    static final Set<String> STANDARD_HEADERS = Set.of("Event", "Privilege", "Timestamp", "SystemName", "ActionID",
            "UserEvent", "Channel", "ChannelState", "ChannelStateDesc", "CallerIDNum", "CallerIDName",
            "ConnectedLineNum", "ConnectedLineName", "Language", "AccountCode", "Context", "Exten", "Priority",
            "Uniqueid", "Linkedid");

    private UserEvents() {
    }

    /** Every {@code UserEvent(Name,Key: value,...)} in the plan; a name sent twice must carry the same fields. */
    static Map<String, List<String>> sentBy(AsteriskDialplan plan) {
        Map<String, List<String>> events = new LinkedHashMap<>();
        for (Priority p : plan.priorities()) {
            if (!p.app().equals("UserEvent")) {
                continue;
            }
            List<String> args = p.argList();
            List<String> fields = new ArrayList<>();
            for (String pair : args.subList(1, args.size())) {
                int colon = pair.indexOf(':');
                fields.add((colon < 0 ? pair : pair.substring(0, colon)).strip());
            }
            List<String> before = events.putIfAbsent(args.get(0).strip(), fields);
            if (before != null && !before.equals(fields)) {
                throw new IllegalStateException("UserEvent " + args.get(0) + " sent with fields " + before + " and " + fields);
            }
        }
        return events;
    }

    /** UserEvents in recorded AMI messages: the headers after {@code UserEvent:} are the body's fields. */
    static Map<String, Set<String>> recordedIn(List<List<Map.Entry<String, String>>> messages) {
        Map<String, Set<String>> events = new LinkedHashMap<>();
        for (List<Map.Entry<String, String>> message : messages) {
            int at = -1;
            for (int i = 0; i < message.size(); i++) {
                if (message.get(i).getKey().equals("UserEvent")) {
                    at = i;
                }
            }
            if (at < 0 || !message.get(0).getValue().equals("UserEvent")) {
                continue;
            }
            Set<String> fields = events.computeIfAbsent(message.get(at).getValue(), name -> new LinkedHashSet<>());
            message.subList(at + 1, message.size()).forEach(header -> fields.add(header.getKey()));
        }
        return events;
    }
}
