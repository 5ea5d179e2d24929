package io.switchboard.core.routing;

import io.switchboard.core.Require;
import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.QueueId;
import io.switchboard.core.id.TaskId;
import io.switchboard.core.lifecycle.Transition;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One piece of work to route to an agent.
 *
 * @param id         the task's id
 * @param kind       an inbound call, a dialer lead or a callback
 * @param status     where the task is in its lifecycle
 * @param priority   0 or more; a higher priority is served first, then the oldest task
 * @param queue      the queue the task waits in
 * @param customer   the customer's number: the caller of an inbound call (empty when withheld),
 *                   the number to call for a dialer lead or a callback (required)
 * @param call       the call carrying the task; required for an inbound call, empty until dialled otherwise
 * @param created    when the task was created
 * @param attributes routing data from the dialplan, IVR or CRM (e.g. {@code language=fr}); an immutable copy
 */
public record Task(
        TaskId id,
        TaskKind kind,
        TaskStatus status,
        int priority,
        QueueId queue,
        Optional<PhoneNumber> customer,
        Optional<CallId> call,
        Instant created,
        Map<String, String> attributes) {

    public Task {
        Require.nonNull(id, "taskId");
        Require.nonNull(kind, "kind");
        Require.nonNull(status, "status");
        Require.atLeast(priority, 0, "priority");
        Require.nonNull(queue, "queue");
        Require.nonNull(customer, "customer");
        Require.nonNull(call, "call");
        Require.nonNull(created, "created");
        attributes = Map.copyOf(Require.nonNull(attributes, "attributes"));
        attributes.keySet().forEach(key -> Require.nonBlank(key, "attribute name"));
        if (kind == TaskKind.INBOUND_CALL && call.isEmpty()) {
            throw new IllegalArgumentException("call must be present on an INBOUND_CALL task");
        }
        if (kind != TaskKind.INBOUND_CALL && customer.isEmpty()) {
            throw new IllegalArgumentException("customer must be present on a " + kind + " task");
        }
    }

    /** A new, pending inbound-call task. */
    public static Task inboundCall(TaskId id, CallId call, Optional<PhoneNumber> caller, QueueId queue,
                                   int priority, Instant created, Map<String, String> attributes) {
        return new Task(id, TaskKind.INBOUND_CALL, TaskStatus.PENDING, priority, queue,
                caller, Optional.of(call), created, attributes);
    }

    /** A new, pending task to call {@code customer}: a dialer lead or a callback. */
    public static Task outbound(TaskId id, TaskKind kind, PhoneNumber customer, QueueId queue,
                                int priority, Instant created, Map<String, String> attributes) {
        return new Task(id, kind, TaskStatus.PENDING, priority, queue,
                Optional.of(customer), Optional.empty(), created, attributes);
    }

    /** Moves to {@code next}, or returns {@link Transition.Illegal} when {@link TaskStatus#canMoveTo} forbids it. */
    public Transition<Task> moveTo(TaskStatus next) {
        Require.nonNull(next, "status");
        if (!status.canMoveTo(next)) {
            return new Transition.Illegal<>("TaskStatus", status, next);
        }
        return new Transition.Moved<>(
                new Task(id, kind, next, priority, queue, customer, call, created, attributes));
    }

    /** This task moved to another queue at another priority, e.g. by a workflow escalation step. */
    public Task escalatedTo(QueueId newQueue, int newPriority) {
        return new Task(id, kind, status, newPriority, newQueue, customer, call, created, attributes);
    }

    /** This task with the call that carries it, once the dialer has placed it. */
    public Task withCall(CallId newCall) {
        return new Task(id, kind, status, priority, queue, customer,
                Optional.of(Require.nonNull(newCall, "call")), created, attributes);
    }

    /** How long the task has existed at {@code now}. */
    public Duration age(Instant now) {
        return Duration.between(created, now);
    }
}
