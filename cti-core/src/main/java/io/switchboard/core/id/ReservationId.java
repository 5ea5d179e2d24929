package io.switchboard.core.id;

import io.switchboard.core.Require;

/**
 * Identifies a reservation: one offer of a task to one agent.
 *
 * @param value the id as it appears in config, storage and logs; never blank
 */
public record ReservationId(String value) {

    public ReservationId {
        Require.nonBlank(value, "reservationId");
    }

    /** Shorthand for {@code new ReservationId(value)}. */
    public static ReservationId of(String value) {
        return new ReservationId(value);
    }

    /** The bare id, so that logs read {@code reservationId=...} rather than a record dump. */
    @Override
    public String toString() {
        return value;
    }
}
