package io.switchboard.crm.http;

import io.switchboard.core.Require;
import io.switchboard.core.retry.RetryPolicy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * How hard one CRM operation tries: attempts, backoff, a timeout per request and a total it never exceeds
 * (including the waits). A lookup is only useful while the call rings, so its budget is small; a call log is
 * retried later by the durable outbox, so it may wait longer.
 *
 * @param maxAttempts  requests in total, the first included; at least 1
 * @param baseDelay    ceiling of the first backoff (full jitter, doubling)
 * @param maxDelay     cap of every backoff ceiling
 * @param perRequest   timeout of one request, from sending to the whole answer
 * @param total        the operation gives up rather than start a wait or request that would end after this
 */
public record Budget(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration perRequest, Duration total) {

    /** Lookups: three tries within about two seconds. */
    public static final Budget LOOKUP = new Budget(3, Duration.ofMillis(100), Duration.ofMillis(400),
            Duration.ofMillis(800), Duration.ofSeconds(2));

    /** Call logs: six tries within a minute; the outbox takes over after that. */
    public static final Budget LOG = new Budget(6, Duration.ofMillis(500), Duration.ofSeconds(10),
            Duration.ofSeconds(10), Duration.ofSeconds(60));

    public Budget {
        Require.atLeast(maxAttempts, 1, "maxAttempts");
        Require.positive(baseDelay, "baseDelay");
        Require.positive(maxDelay, "maxDelay");
        Require.positive(perRequest, "perRequest");
        Require.positive(total, "total");
        if (maxDelay.compareTo(baseDelay) < 0) {
            throw new IllegalArgumentException("maxDelay must be at least baseDelay, was " + maxDelay);
        }
    }

    /**
     * One request with what is left of this budget since {@code started}: for a follow-up that must not make the
     * whole operation late. Empty when less than 100 ms is left.
     */
    public Optional<Budget> remainder(Instant started, Instant now) {
        Duration left = total.minus(Duration.between(started, now));
        if (left.compareTo(Duration.ofMillis(100)) < 0) {
            return Optional.empty();
        }
        return Optional.of(new Budget(1, baseDelay, maxDelay, left.compareTo(perRequest) < 0 ? left : perRequest, left));
    }

    /** The backoff this budget describes, drawing its jitter from {@code random}. */
    public RetryPolicy policy(RandomGenerator random) {
        return RetryPolicy.exponential(baseDelay, maxDelay, maxAttempts, random);
    }
}
