package io.switchboard.queue.routing;

import io.switchboard.core.id.QueueId;
import io.switchboard.core.routing.TaskQueue;
import io.switchboard.queue.selection.QueueSetup;

import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** The queues an admin configured: ring timeout, wrap-up and the other rules of each. */
public interface TaskQueues {

    /** The queue {@code id}, or empty when none is configured (the router then uses defaults). */
    CompletionStage<Optional<TaskQueue>> find(QueueId id);

    /**
     * The queue {@code id} with what selection needs besides it: its workflow, member order and ring interval.
     * By default a queue whose tasks wait for any member until answered, members in id order.
     */
    default CompletionStage<Optional<QueueSetup>> setup(QueueId id) {
        return find(id).thenApply(found -> found.map(QueueSetup::of));
    }
}
