package io.switchboard.core.id;

import io.switchboard.core.Require;

/**
 * Identifies a task: one piece of work to route (an inbound call, a dialer lead, a callback).
 *
 * @param value the id as it appears in config, storage and logs; never blank
 */
public record TaskId(String value) {

    public TaskId {
        Require.nonBlank(value, "taskId");
    }

    /** Shorthand for {@code new TaskId(value)}. */
    public static TaskId of(String value) {
        return new TaskId(value);
    }

    /** The bare id, so that logs read {@code taskId=...} rather than a record dump. */
    @Override
    public String toString() {
        return value;
    }
}
