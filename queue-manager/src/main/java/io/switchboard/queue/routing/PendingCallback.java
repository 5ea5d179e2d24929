package io.switchboard.queue.routing;

import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;
import io.switchboard.core.id.PbxId;
import io.switchboard.core.id.QueueId;
import io.switchboard.core.id.TaskId;
import io.switchboard.core.Require;
import io.switchboard.queue.waiting.QueuedCallback;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A queued callback that stands (the caller hung up, nobody has called them back yet), as {@link PendingCallbacks}
 * keeps it so that a restart of the routing node does not lose it: enough to put the task back in its place and
 * carry on with the attempts. {@code number} is masked in {@code toString()}.
 *
 * @param task             the task's id, which the record is kept under
 * @param call             the id of the call that asked, under which the call record and queue_log rows go on
 * @param pbx              the PBX that call was on, which calls the customer back
 * @param queue            the queue the task waits in
 * @param callerLeg        the caller's leg of that call
 * @param number           the number to call back
 * @param priority         the task's priority
 * @param created          when the task was created, on the server's clock: its place among the waiting tasks
 * @param enteredAt        when the call entered the queue, on the PBX's clock (queue_log hold times)
 * @param originalPosition the caller's position when they joined the queue
 * @param attempts         how many attempts were placed so far
 * @param notBefore        no attempt before this time, after an unanswered one
 * @param settings         the queue's callback settings as they were when the callback was accepted
 */
public record PendingCallback(TaskId task, CallId call, PbxId pbx, QueueId queue, LegId callerLeg, PhoneNumber number,
                              int priority, Instant created, Instant enteredAt, int originalPosition, int attempts,
                              Optional<Instant> notBefore, QueuedCallback settings) {

    public PendingCallback {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(pbx, "pbx");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(callerLeg, "callerLeg");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(enteredAt, "enteredAt");
        Require.between(attempts, 0, QueuedCallback.MAX_ATTEMPTS, "attempts");
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(settings, "settings");
    }

    /** The callback {@code call} carries now; {@code call} must carry one. */
    static PendingCallback of(RoutedCall call) {
        CallbackRequest request = call.callback.orElseThrow();
        return new PendingCallback(call.task.id(), call.id(), call.pbx, call.queue.id(), call.callerLeg,
                request.number, call.task.priority(), call.task.created(), call.enteredAt, call.originalPosition,
                request.attempts, request.restingUntil, request.settings);
    }
}
