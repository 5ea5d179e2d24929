package io.switchboard.crm.http;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * Waits without holding a thread: the pause before a retry. Tests pass one that advances a fake clock and
 * completes at once, so a 30-second Retry-After costs nothing.
 */
@FunctionalInterface
public interface Delays {

    /** A stage that completes normally once {@code delay} has passed. */
    CompletionStage<Void> after(Duration delay);

    /** Real time, on the JDK's shared delayed executor. */
    static Delays system() {
        return delay -> CompletableFuture.runAsync(() -> { },
                CompletableFuture.delayedExecutor(Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS));
    }
}
