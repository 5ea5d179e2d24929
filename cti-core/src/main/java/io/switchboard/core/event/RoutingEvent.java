package io.switchboard.core.event;

import io.switchboard.core.Require;
import io.switchboard.core.agent.AgentStatus;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.QueueId;
import io.switchboard.core.id.ReservationId;
import io.switchboard.core.id.TaskId;
import io.switchboard.core.routing.CancelReason;
import io.switchboard.core.routing.TaskKind;

import java.time.Instant;
import java.util.Optional;

/**
 * What Switchboard's routing decided, published to wallboards, the agent
 * desktop, the call records and the CRM. Events are facts in the past tense.
 */
public sealed interface RoutingEvent permits
        RoutingEvent.TaskCreated, RoutingEvent.TaskQueued, RoutingEvent.ReservationCreated,
        RoutingEvent.ReservationAccepted, RoutingEvent.ReservationRejected, RoutingEvent.ReservationTimedOut,
        RoutingEvent.TaskAssigned, RoutingEvent.TaskCompleted, RoutingEvent.TaskCanceled,
        RoutingEvent.AgentStateChanged {

    /** When routing decided it. */
    Instant at();

    /** A task was created for an inbound call, a dialer lead or a callback. */
    record TaskCreated(Instant at, TaskId task, TaskKind kind, QueueId queue, int priority) implements RoutingEvent {
        public TaskCreated {
            Require.nonNull(at, "at");
            Require.nonNull(task, "task");
            Require.nonNull(kind, "kind");
            Require.nonNull(queue, "queue");
            Require.atLeast(priority, 0, "priority");
        }
    }

    /**
     * A task started waiting in a queue: on creation, after a reservation fell
     * through, or after a workflow escalation.
     *
     * @param waiting how many tasks wait in the queue, this one included
     */
    record TaskQueued(Instant at, TaskId task, QueueId queue, int waiting) implements RoutingEvent {
        public TaskQueued {
            Require.nonNull(at, "at");
            Require.nonNull(task, "task");
            Require.nonNull(queue, "queue");
            Require.atLeast(waiting, 1, "waiting");
        }
    }

    /** A task was offered to an agent, who must accept before {@code expiresAt}. */
    record ReservationCreated(Instant at, ReservationId reservation, TaskId task, AgentId agent, Instant expiresAt)
            implements RoutingEvent {
        public ReservationCreated {
            requireReservation(at, reservation, task, agent);
            Require.nonNull(expiresAt, "expiresAt");
        }
    }

    /** The agent accepted the offer (answered, or was joined). */
    record ReservationAccepted(Instant at, ReservationId reservation, TaskId task, AgentId agent)
            implements RoutingEvent {
        public ReservationAccepted {
            requireReservation(at, reservation, task, agent);
        }
    }

    /** The agent declined the offer, or their device was busy. */
    record ReservationRejected(Instant at, ReservationId reservation, TaskId task, AgentId agent)
            implements RoutingEvent {
        public ReservationRejected {
            requireReservation(at, reservation, task, agent);
        }
    }

    /** The agent did not accept in time; the task goes back to its queue. */
    record ReservationTimedOut(Instant at, ReservationId reservation, TaskId task, AgentId agent)
            implements RoutingEvent {
        public ReservationTimedOut {
            requireReservation(at, reservation, task, agent);
        }
    }

    /** The task is now the agent's. */
    record TaskAssigned(Instant at, TaskId task, AgentId agent) implements RoutingEvent {
        public TaskAssigned {
            Require.nonNull(at, "at");
            Require.nonNull(task, "task");
            Require.nonNull(agent, "agent");
        }
    }

    /**
     * The agent finished the task, wrap-up included.
     *
     * @param disposition the outcome the agent chose in wrap-up (e.g. {@code sale}), if any
     */
    record TaskCompleted(Instant at, TaskId task, AgentId agent, Optional<String> disposition)
            implements RoutingEvent {
        public TaskCompleted {
            Require.nonNull(at, "at");
            Require.nonNull(task, "task");
            Require.nonNull(agent, "agent");
            Require.nonNull(disposition, "disposition");
        }
    }

    /** The task ended before an agent got it. */
    record TaskCanceled(Instant at, TaskId task, CancelReason reason) implements RoutingEvent {
        public TaskCanceled {
            Require.nonNull(at, "at");
            Require.nonNull(task, "task");
            Require.nonNull(reason, "reason");
        }
    }

    /** An agent's routing state changed from {@code from} to {@code to}. */
    record AgentStateChanged(Instant at, AgentId agent, AgentStatus from, AgentStatus to) implements RoutingEvent {
        public AgentStateChanged {
            Require.nonNull(at, "at");
            Require.nonNull(agent, "agent");
            Require.nonNull(from, "from");
            Require.nonNull(to, "to");
        }
    }

    private static void requireReservation(Instant at, ReservationId reservation, TaskId task, AgentId agent) {
        Require.nonNull(at, "at");
        Require.nonNull(reservation, "reservation");
        Require.nonNull(task, "task");
        Require.nonNull(agent, "agent");
    }
}
