package io.switchboard.queue.dialer;

/** Where a lead's time zone came from; the audit row records it with the zone. */
public enum ZoneSource {

    /** The lead's own time-zone column in the imported list. */
    LEAD,

    /** The lead's state, province or postcode, mapped to a zone. */
    REGION,

    /**
     * Inferred from the number by libphonenumber's time-zone mapper; a number that maps to several zones gets no
     * zone at all (the gate never guesses one for a calling window).
     */
    NUMBER;

    /** The value stored in {@code leads.time_zone_source} and {@code dial_audit.time_zone_source}. */
    public String slug() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
