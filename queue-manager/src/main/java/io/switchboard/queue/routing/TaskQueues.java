package io.switchboard.queue.routing;

import io.switchboard.core.id.QueueId;
import io.switchboard.core.routing.TaskQueue;

import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** The queues an admin configured: ring timeout, wrap-up and the other rules of each. */
public interface TaskQueues {

    /** The queue {@code id}, or empty when none is configured (the router then uses defaults). */
    CompletionStage<Optional<TaskQueue>> find(QueueId id);
}
