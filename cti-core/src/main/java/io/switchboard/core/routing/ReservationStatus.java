package io.switchboard.core.routing;

/**
 * Where an offer of a task to an agent is. Only {@link #PENDING} can change;
 * every other status is final.
 */
public enum ReservationStatus {

    /** The task was offered; the agent's device is ringing or the join is under way. */
    PENDING,

    /** The agent answered or accepted; the task becomes assigned to them. */
    ACCEPTED,

    /** The agent declined (pressed reject, or their device returned busy). */
    REJECTED,

    /** The agent did not accept within the queue's reservation timeout. */
    TIMED_OUT,

    /** Withdrawn before the agent answered: the caller hung up, or another agent of a ring-all offer won. */
    CANCELED;

    /** Whether the lifecycle allows moving from this status to {@code next}. */
    public boolean canMoveTo(ReservationStatus next) {
        return this == PENDING && next != PENDING;
    }

    /** Whether the reservation can no longer change. */
    public boolean isFinal() {
        return this != PENDING;
    }
}
