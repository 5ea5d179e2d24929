package io.switchboard.server.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One caller's token bucket at {@code updated}: a pure value, the decision a function of it, a {@link RateLimit}
 * and the time. Tokens come back continuously at {@link RateLimit#perSecond()} up to {@link RateLimit#burst()}; a
 * clock that steps back adds nothing (and never takes tokens away).
 *
 * @param tokens tokens left, fractional between refills
 * @param updated when {@code tokens} was counted
 */
public record TokenBucket(double tokens, Instant updated) {

  /** What {@link #take} decided: {@code next} is the bucket to keep; {@code retryAfter} is zero when allowed. */
  public record Decision(boolean allowed, TokenBucket next, Duration retryAfter) {
  }

  /** A caller not seen before: the whole burst available. */
  public static TokenBucket full(RateLimit limit, Instant now) {
    return new TokenBucket(limit.burst(), now);
  }

  /** Takes one token if there is one; a refusal leaves the bucket as it was and says when to come back. */
  public Decision take(RateLimit limit, Instant now) {
    TokenBucket refilled = refilled(limit, now);
    if (refilled.tokens >= 1.0) {
      return new Decision(true, new TokenBucket(refilled.tokens - 1.0, refilled.updated), Duration.ZERO);
    }
    return new Decision(false, this, refilled.untilOne(limit));
  }

  /** Empty when a {@link #take} now would be allowed; otherwise how long until it would be. Spends nothing. */
  public Optional<Duration> retryAfter(RateLimit limit, Instant now) {
    TokenBucket refilled = refilled(limit, now);
    return refilled.tokens >= 1.0 ? Optional.empty() : Optional.of(refilled.untilOne(limit));
  }

  /** True once the bucket has refilled to the burst: forgetting it changes no decision. */
  public boolean idle(RateLimit limit, Instant now) {
    return refilled(limit, now).tokens >= limit.burst();
  }

  private TokenBucket refilled(RateLimit limit, Instant now) {
    if (!now.isAfter(updated)) {
      return this;
    }
    double elapsedSeconds = Duration.between(updated, now).toNanos() / 1e9;
    return new TokenBucket(Math.min(limit.burst(), tokens + elapsedSeconds * limit.perSecond()), now);
  }

  private Duration untilOne(RateLimit limit) {
    double seconds = (1.0 - tokens) / limit.perSecond();
    return Duration.ofMillis((long) Math.ceil(seconds * 1000.0 - 1e-6));
  }
}
