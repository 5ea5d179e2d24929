package io.switchboard.ami.translate;

import org.asteriskjava.manager.event.ManagerEvent;

import java.time.Clock;
import java.time.Instant;

/** Reading header values the way Asterisk-Java hands them over. */
final class Headers {

    private Headers() {
    }

    /**
     * The value, or null when absent, blank or {@code <unknown>}. A header that appeared twice arrives as
     * both values joined by line feeds (Quirk 7); the first is the channel's own.
     */
    static String value(String raw) {
        if (raw == null) {
            return null;
        }
        int lf = raw.indexOf('\n');
        String first = (lf < 0 ? raw : raw.substring(0, lf)).trim();
        return first.isEmpty() || "<unknown>".equals(first) ? null : first;
    }

    /** When the PBX says the event happened ({@code Timestamp}); now when the event has none (Quirk 4). */
    static Instant at(ManagerEvent event, Clock clock) {
        Double timestamp = event.getTimestamp();
        if (timestamp == null) {
            return clock.instant();
        }
        long seconds = (long) Math.floor(timestamp);
        long micros = Math.round((timestamp - seconds) * 1_000_000d);
        return Instant.ofEpochSecond(seconds, micros * 1_000L);
    }
}
