package io.switchboard.core.id;

import io.switchboard.core.Require;

/**
 * Identifies a lead: one contact in a campaign's calling list.
 *
 * @param value the id as it appears in config, storage and logs; never blank
 */
public record LeadId(String value) {

    public LeadId {
        Require.nonBlank(value, "leadId");
    }

    /** Shorthand for {@code new LeadId(value)}. */
    public static LeadId of(String value) {
        return new LeadId(value);
    }

    /** The bare id, so that logs read {@code leadId=...} rather than a record dump. */
    @Override
    public String toString() {
        return value;
    }
}
