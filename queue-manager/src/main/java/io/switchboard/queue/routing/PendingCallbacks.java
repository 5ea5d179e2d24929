package io.switchboard.queue.routing;

import io.switchboard.core.id.TaskId;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Where the queued callbacks that stand are kept, outside the routing node's memory, so that a restart (a deploy,
 * a crash) does not lose the promise to call a customer back: {@link QueuedCallbacks} saves a callback once its
 * caller has hung up and after each unanswered attempt, and ends it when the customer answers or the attempts are
 * spent; the router reads them all back when it starts. {@link #saved} and {@link #ended} are called on the
 * router's context and must not block: an implementation writes in the background, in the order asked, and keeps
 * trying a write that failed.
 */
public interface PendingCallbacks {

    /** Keeps nothing: callbacks live in the router's memory only. */
    PendingCallbacks NONE = new PendingCallbacks() {
        @Override
        public void saved(PendingCallback callback) {
        }

        @Override
        public void ended(TaskId task) {
        }

        @Override
        public CompletionStage<List<PendingCallback>> all() {
            return CompletableFuture.completedFuture(List.of());
        }
    };

    /** Keeps {@code callback}, replacing what was kept for its task. */
    void saved(PendingCallback callback);

    /** Forgets the callback of {@code task}, if one was kept. */
    void ended(TaskId task);

    /** Every callback kept, oldest task first. */
    CompletionStage<List<PendingCallback>> all();
}
