package io.switchboard.server.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Token buckets per key ({@code token:<subject>}, {@code ip:<address>}, {@code sign-in:<user>@<address>}) under
 * one {@link RateLimit}, on this node only: a cluster of N nodes lets a caller through up to N times the limit.
 * At most {@code maxKeys} buckets are kept: idle ones (refilled, so forgetting them changes nothing) go first,
 * then the least recently used, so a flood of new addresses costs bounded memory. Any thread.
 */
public final class RateLimiter {

  private final RateLimit limit;
  private final Clock clock;
  private final int maxKeys;
  private final LinkedHashMap<String, TokenBucket> buckets = new LinkedHashMap<>(64, 0.75f, true);

  public RateLimiter(RateLimit limit, Clock clock, int maxKeys) {
    if (maxKeys < 1) {
      throw new IllegalArgumentException("maxKeys must be at least 1, was " + maxKeys);
    }
    this.limit = limit;
    this.clock = clock;
    this.maxKeys = maxKeys;
  }

  /** Takes a token for {@code key}: empty when allowed, else how long until the next one. */
  public synchronized Optional<Duration> take(String key) {
    Instant now = clock.instant();
    TokenBucket.Decision decision = bucket(key, now).take(limit, now);
    buckets.put(key, decision.next());
    return decision.allowed() ? Optional.empty() : Optional.of(decision.retryAfter());
  }

  /** Whether {@code key} is out of tokens right now (empty when not), spending none. */
  public synchronized Optional<Duration> blocked(String key) {
    TokenBucket bucket = buckets.get(key);
    return bucket == null ? Optional.empty() : bucket.retryAfter(limit, clock.instant());
  }

  /** Spends a token of {@code key} whether or not one is left (a failed sign-in counts even when refused). */
  public synchronized void charge(String key) {
    Instant now = clock.instant();
    TokenBucket.Decision decision = bucket(key, now).take(limit, now);
    buckets.put(key, decision.allowed() ? decision.next() : new TokenBucket(0.0, now));
  }

  /** Buckets held now. */
  public synchronized int size() {
    return buckets.size();
  }

  private TokenBucket bucket(String key, Instant now) {
    TokenBucket known = buckets.get(key);
    if (known != null) {
      return known;
    }
    if (buckets.size() >= maxKeys) {
      makeRoom(now);
    }
    return TokenBucket.full(limit, now);
  }

  private void makeRoom(Instant now) {
    buckets.values().removeIf(bucket -> bucket.idle(limit, now));
    Iterator<Map.Entry<String, TokenBucket>> eldest = buckets.entrySet().iterator();
    while (buckets.size() >= maxKeys && eldest.hasNext()) {
      eldest.next();
      eldest.remove();
    }
  }
}
