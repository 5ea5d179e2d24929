package io.switchboard.crm.http;

import io.switchboard.core.Require;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Stops calling a CRM that keeps failing, so that lookups answer at once instead of each waiting out its
 * timeouts, and lets one trial request through after a cool-down to see whether it is back.
 *
 * <p>Only failures that say the CRM is unwell count: a 5xx, a timeout, a refused or reset connection. A 4xx,
 * a 401 and a 429 are answers from a working CRM. Thread-safe; time comes from the injected clock.
 */
public final class CircuitBreaker {

    /** Where the breaker is. */
    public enum State {
        /** Requests flow; consecutive failures are counted. */
        CLOSED,
        /** The threshold was reached: requests are refused until the cool-down has passed. */
        OPEN,
        /** The cool-down passed and one trial request is under way; others are refused until it ends. */
        HALF_OPEN
    }

    private final int threshold;
    private final Duration coolDown;
    private final Clock clock;

    private State state = State.CLOSED;
    private int consecutiveFailures;
    private Instant openedAt = Instant.MIN;

    /**
     * @param threshold consecutive failures that open the circuit; at least 1
     * @param coolDown  how long it stays open before a trial
     */
    public CircuitBreaker(int threshold, Duration coolDown, Clock clock) {
        this.threshold = Require.atLeast(threshold, 1, "threshold");
        this.coolDown = Require.positive(coolDown, "coolDown");
        this.clock = Require.nonNull(clock, "clock");
    }

    /** Whether a request may go now; when the cool-down has passed this lets exactly one trial through. */
    public synchronized boolean tryAcquire() {
        switch (state) {
            case CLOSED:
                return true;
            case OPEN:
                if (!clock.instant().isBefore(openedAt.plus(coolDown))) {
                    state = State.HALF_OPEN;
                    return true;
                }
                return false;
            default:
                return false;
        }
    }

    /** The CRM answered: the circuit closes and the count starts again. */
    public synchronized void onSuccess() {
        state = State.CLOSED;
        consecutiveFailures = 0;
    }

    /** The CRM failed: a failed trial reopens the circuit, and the threshold-th failure in a row opens it. */
    public synchronized void onFailure() {
        consecutiveFailures++;
        if (state == State.HALF_OPEN || consecutiveFailures >= threshold) {
            state = State.OPEN;
            openedAt = clock.instant();
        }
    }

    /** Where the breaker is now (an open circuit whose cool-down has passed still reads OPEN until a request). */
    public synchronized State state() {
        return state;
    }
}
