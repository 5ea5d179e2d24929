package io.switchboard.sim;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Calls from outside into a simulator's single engine thread: the task runs there, the caller waits for its
 * answer (at most {@value #WAIT_SECONDS} s), so tests and drivers never touch engine state themselves.
 */
public final class EngineCalls {

    /** How long a caller waits for the engine. */
    public static final int WAIT_SECONDS = 10;

    private EngineCalls() {
    }

    /**
     * Runs {@code task} on {@code engine} and returns its result.
     *
     * @throws IllegalStateException if the task failed, the engine did not answer in time or the wait was interrupted
     */
    public static <T> T call(Executor engine, Callable<T> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        engine.execute(() -> {
            try {
                result.complete(task.call());
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("pbx-sim engine task failed", e);
        }
    }

    /** Runs {@code shutdown} on {@code engine} and waits for it; a stop goes on whatever happens. */
    public static void shutDown(Executor engine, Runnable shutdown) {
        try {
            call(engine, () -> {
                shutdown.run();
                return null;
            });
        } catch (IllegalStateException stoppingAnyway) {
            // the engine is stopped next in any case
        }
    }
}
