package io.switchboard.core.id;

import io.switchboard.core.Require;

/**
 * Identifies a call as Switchboard tracks it, across all of its legs and across PBXs.
 *
 * @param value the id as it appears in config, storage and logs; never blank
 */
public record CallId(String value) {

    public CallId {
        Require.nonBlank(value, "callId");
    }

    /** Shorthand for {@code new CallId(value)}. */
    public static CallId of(String value) {
        return new CallId(value);
    }

    /** The bare id, so that logs read {@code callId=...} rather than a record dump. */
    @Override
    public String toString() {
        return value;
    }
}
