package io.switchboard.queue.routing;

import java.time.Duration;

/** Runs something later, on the router's own context (e.g. the end of an agent's wrap-up). */
@FunctionalInterface
public interface RoutingTimers {

    /** Runs {@code action} on the router's context after {@code delay}; a zero delay still runs it later, never inline. */
    void schedule(Duration delay, Runnable action);
}
