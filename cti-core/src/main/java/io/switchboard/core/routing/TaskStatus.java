package io.switchboard.core.routing;

/**
 * Where a task is in its lifecycle (TaskRouter's task states).
 *
 * <pre>
 * PENDING  -> RESERVED | CANCELED
 * RESERVED -> ASSIGNED | PENDING | CANCELED
 * ASSIGNED -> WRAPPING | COMPLETED
 * WRAPPING -> COMPLETED
 * COMPLETED, CANCELED (final)
 * </pre>
 */
public enum TaskStatus {

    /** The task waits in its queue for an agent; a caller hears music on hold. */
    PENDING,

    /**
     * The task has been offered to an agent (a reservation is pending). It goes
     * back to {@link #PENDING} when the reservation is rejected or times out.
     */
    RESERVED,

    /** An agent accepted the task: the agent answered, or the call was joined to them. */
    ASSIGNED,

    /** The conversation ended and the agent is in wrap-up for this task. */
    WRAPPING,

    /** The work is done, including wrap-up. Final. */
    COMPLETED,

    /**
     * The task ended before any agent was assigned: the caller hung up, it
     * waited too long, the queue was full, or an operator removed it. Final.
     */
    CANCELED;

    /** Whether the lifecycle allows moving from this status to {@code next}. */
    public boolean canMoveTo(TaskStatus next) {
        return switch (this) {
            case PENDING -> next == RESERVED || next == CANCELED;
            case RESERVED -> next == ASSIGNED || next == PENDING || next == CANCELED;
            case ASSIGNED -> next == WRAPPING || next == COMPLETED;
            case WRAPPING -> next == COMPLETED;
            case COMPLETED, CANCELED -> false;
        };
    }

    /** Whether the task can no longer change. */
    public boolean isFinal() {
        return this == COMPLETED || this == CANCELED;
    }
}
