package io.switchboard.core.retry;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When to try a failed operation again (a CRM call, a PBX login or reconnect): exponential
 * backoff with full jitter. The ceiling for
 * retry {@code n} (after {@code n} failed attempts) is {@code min(maxDelay, baseDelay * 2^(n-1))};
 * the delay is uniform in {@code [0, ceiling]}. After {@code maxAttempts} attempts in total, give
 * up. The random source is injected so tests are exact.
 */
public final class RetryPolicy {

    /** Longest maxDelay accepted (delays are computed in nanoseconds). */
    public static final Duration MAX_SUPPORTED_DELAY = Duration.ofDays(365);

    private final Duration baseDelay;
    private final Duration maxDelay;
    private final int maxAttempts;
    private final RandomGenerator random;

    private RetryPolicy(Duration baseDelay, Duration maxDelay, int maxAttempts, RandomGenerator random) {
        this.baseDelay = baseDelay;
        this.maxDelay = maxDelay;
        this.maxAttempts = maxAttempts;
        this.random = random;
    }

    /**
     * An exponential policy with full jitter.
     *
     * @param baseDelay ceiling of the first retry's delay; positive
     * @param maxDelay cap on every ceiling; at least {@code baseDelay}
     * @param maxAttempts attempts in total including the first; at least 1
     * @param random source of jitter
     */
    public static RetryPolicy exponential(Duration baseDelay, Duration maxDelay, int maxAttempts, RandomGenerator random) {
        Objects.requireNonNull(baseDelay, "baseDelay must not be null");
        Objects.requireNonNull(maxDelay, "maxDelay must not be null");
        Objects.requireNonNull(random, "random must not be null");
        if (baseDelay.isZero() || baseDelay.isNegative()) {
            throw new IllegalArgumentException("baseDelay must be positive, was " + baseDelay);
        }
        if (maxDelay.compareTo(baseDelay) < 0) {
            throw new IllegalArgumentException("maxDelay must be at least baseDelay, was " + maxDelay);
        }
        if (maxDelay.compareTo(MAX_SUPPORTED_DELAY) > 0) {
            throw new IllegalArgumentException("maxDelay must be at most " + MAX_SUPPORTED_DELAY + ", was " + maxDelay);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        return new RetryPolicy(baseDelay, maxDelay, maxAttempts, random);
    }

    /**
     * The delay before the next attempt, or empty to give up.
     *
     * @param failedAttempts attempts made so far, all failed; at least 1
     */
    public Optional<Duration> nextDelay(int failedAttempts) {
        if (failedAttempts < 1) {
            throw new IllegalArgumentException("failedAttempts must be at least 1, was " + failedAttempts);
        }
        if (failedAttempts >= maxAttempts) {
            return Optional.empty();
        }
        long ceiling = ceiling(failedAttempts).toNanos();
        return Optional.of(Duration.ofNanos(random.nextLong(ceiling + 1)));
    }

    /**
     * Like {@link #nextDelay(int)}, but never sooner than the server asked with
     * {@code Retry-After}: retrying earlier only earns another 429/503. The server's wish is
     * honoured even above {@code maxDelay}; the attempt limit still applies.
     */
    public Optional<Duration> nextDelay(int failedAttempts, Optional<Duration> retryAfter) {
        return nextDelay(failedAttempts).map(delay -> retryAfter.filter(hint -> hint.compareTo(delay) > 0).orElse(delay));
    }

    /** The upper bound of the jittered delay after {@code failedAttempts} failures. */
    public Duration ceiling(int failedAttempts) {
        if (failedAttempts < 1) {
            throw new IllegalArgumentException("failedAttempts must be at least 1, was " + failedAttempts);
        }
        int doublings = failedAttempts - 1;
        long base = baseDelay.toNanos();
        long cap = maxDelay.toNanos();
        if (doublings >= 63 || base > (cap >> doublings)) {
            return maxDelay;
        }
        return Duration.ofNanos(Math.min(cap, base << doublings));
    }

    /** Attempts in total, the first one included. */
    public int maxAttempts() {
        return maxAttempts;
    }

    @Override
    public String toString() {
        return "RetryPolicy[base=" + baseDelay + ", max=" + maxDelay + ", maxAttempts=" + maxAttempts + ", full jitter]";
    }
}
