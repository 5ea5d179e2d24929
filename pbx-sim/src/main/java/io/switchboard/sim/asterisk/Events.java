package io.switchboard.sim.asterisk;

import io.switchboard.sim.ami.AmiHeader;
import io.switchboard.sim.ami.AmiMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds AMI events with the header names and order of the Asterisk 20 transcripts. Events carry
 * {@code Timestamp} except those Quirk 4 lists (FullyBooted, EventList items).
 */
final class Events {

    private final Clock clock;

    Events(Clock clock) {
        this.clock = clock;
    }

    /** {@code Event}, {@code Privilege}, {@code Timestamp}. */
    Builder event(String name, String privilege) {
        return new Builder().add("Event", name).add("Privilege", privilege).add("Timestamp", timestamp());
    }

    /** An event with the standard channel headers after the timestamp. */
    Builder channel(String name, String privilege, SimChannel channel) {
        return event(name, privilege).channel("", channel);
    }

    /** The {@code Privilege} of a channel event by its name. */
    static String privilegeOf(String event) {
        return switch (event) {
            case "Newexten", "VarSet" -> "dialplan,all";
            case "UserEvent" -> "user,all";
            default -> event.startsWith("Queue") || event.startsWith("Agent") ? "agent,all" : "call,all";
        };
    }

    Instant now() {
        return clock.instant();
    }

    String timestamp() {
        Instant now = clock.instant();
        String micros = Integer.toString(now.getNano() / 1000); // not String.format: this runs for every event
        return now.getEpochSecond() + "." + "000000".substring(micros.length()) + micros;
    }

    /** Ordered headers under construction. */
    static final class Builder {
        private final List<AmiHeader> headers = new ArrayList<>();

        Builder add(String name, String value) {
            headers.add(new AmiHeader(name, value));
            return this;
        }

        Builder addAll(List<AmiHeader> more) {
            headers.addAll(more);
            return this;
        }

        /** The 14 standard channel headers, each name prefixed ({@code Dest}, {@code LocalOne}). */
        Builder channel(String prefix, SimChannel c) {
            return add(prefix + "Channel", c.name)
                    .add(prefix + "ChannelState", Integer.toString(c.state))
                    .add(prefix + "ChannelStateDesc", SimChannel.stateDesc(c.state))
                    .add(prefix + "CallerIDNum", c.callerNum)
                    .add(prefix + "CallerIDName", c.callerName)
                    .add(prefix + "ConnectedLineNum", c.connectedNum)
                    .add(prefix + "ConnectedLineName", c.connectedName)
                    .add(prefix + "Language", "en")
                    .add(prefix + "AccountCode", "")
                    .add(prefix + "Context", c.context)
                    .add(prefix + "Exten", c.exten)
                    .add(prefix + "Priority", Integer.toString(c.priority))
                    .add(prefix + "Uniqueid", c.uniqueid)
                    .add(prefix + "Linkedid", c.linkedid);
        }

        AmiMessage build() {
            return new AmiMessage(headers);
        }
    }
}
