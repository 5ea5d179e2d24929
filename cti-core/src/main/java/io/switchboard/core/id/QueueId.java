package io.switchboard.core.id;

import io.switchboard.core.Require;

/**
 * Identifies a task queue.
 *
 * @param value the id as it appears in config, storage and logs; never blank
 */
public record QueueId(String value) {

    public QueueId {
        Require.nonBlank(value, "queueId");
    }

    /** Shorthand for {@code new QueueId(value)}. */
    public static QueueId of(String value) {
        return new QueueId(value);
    }

    /** The bare id, so that logs read {@code queueId=...} rather than a record dump. */
    @Override
    public String toString() {
        return value;
    }
}
