package io.switchboard.core.agent;

import io.switchboard.core.Require;
import io.switchboard.core.id.QueueId;

/**
 * An agent's membership of a task queue.
 *
 * @param queue   the queue
 * @param penalty 0 or more; lower is offered first, as with app_queue and mod_callcenter
 *                penalties (agents with a higher penalty get tasks only when those with a
 *                lower one are busy)
 */
public record QueueMembership(QueueId queue, int penalty) {

    public QueueMembership {
        Require.nonNull(queue, "queue");
        Require.atLeast(penalty, 0, "penalty");
    }

    /** A membership with penalty 0. */
    public static QueueMembership of(QueueId queue) {
        return new QueueMembership(queue, 0);
    }
}
