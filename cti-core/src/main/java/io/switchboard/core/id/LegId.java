package io.switchboard.core.id;

import io.switchboard.core.Require;

/**
 * Identifies one leg of a call: the connection between the PBX and one party.
 *
 * @param value the id as it appears in config, storage and logs; never blank
 */
public record LegId(String value) {

    public LegId {
        Require.nonBlank(value, "legId");
    }

    /** Shorthand for {@code new LegId(value)}. */
    public static LegId of(String value) {
        return new LegId(value);
    }

    /** The bare id, so that logs read {@code legId=...} rather than a record dump. */
    @Override
    public String toString() {
        return value;
    }
}
