package io.switchboard.core.routing;

import io.switchboard.core.Require;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.ReservationId;
import io.switchboard.core.id.TaskId;
import io.switchboard.core.lifecycle.Transition;

import java.time.Duration;
import java.time.Instant;

/**
 * One offer of one task to one agent.
 *
 * @param id      the reservation's id
 * @param task    the task offered
 * @param agent   the agent it is offered to
 * @param status  where the offer is
 * @param created when the offer was made
 * @param timeout how long the agent has to accept; positive
 */
public record Reservation(
        ReservationId id,
        TaskId task,
        AgentId agent,
        ReservationStatus status,
        Instant created,
        Duration timeout) {

    public Reservation {
        Require.nonNull(id, "reservationId");
        Require.nonNull(task, "task");
        Require.nonNull(agent, "agent");
        Require.nonNull(status, "status");
        Require.nonNull(created, "created");
        Require.positive(timeout, "timeout");
    }

    /** A new, pending offer. */
    public static Reservation offer(ReservationId id, TaskId task, AgentId agent, Instant at, Duration timeout) {
        return new Reservation(id, task, agent, ReservationStatus.PENDING, at, timeout);
    }

    /** When a pending offer times out. */
    public Instant expiresAt() {
        return created.plus(timeout);
    }

    /** Whether the offer is still pending but its time ran out by {@code now}. */
    public boolean isExpiredAt(Instant now) {
        return status == ReservationStatus.PENDING && !now.isBefore(expiresAt());
    }

    /** Moves to {@code next}, or returns {@link Transition.Illegal} when the reservation is already final. */
    public Transition<Reservation> moveTo(ReservationStatus next) {
        Require.nonNull(next, "status");
        if (!status.canMoveTo(next)) {
            return new Transition.Illegal<>("ReservationStatus", status, next);
        }
        return new Transition.Moved<>(new Reservation(id, task, agent, next, created, timeout));
    }
}
