package io.switchboard.esl;

/** How FreeSWITCH encodes the events it sends ({@code event plain ...} or {@code event json ...}). */
public enum EventEncoding {

    /** {@code text/event-plain}: URL-encoded {@code Name: value} lines; FreeSWITCH's default. */
    PLAIN,

    /** {@code text/event-json}: one JSON object per event, values not URL-encoded. */
    JSON;

    /** The word the {@code event} command takes. */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
