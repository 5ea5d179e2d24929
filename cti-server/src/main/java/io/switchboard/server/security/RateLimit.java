package io.switchboard.server.security;

/**
 * How fast one caller may go: up to {@code burst} requests at once, then {@code perSecond} on average. A token
 * bucket of {@code burst} tokens refilled at {@code perSecond}; each request takes one.
 *
 * @param burst the bucket's size, at least 1
 * @param perSecond tokens added back per second, above 0 (0.0167 is one a minute)
 */
public record RateLimit(int burst, double perSecond) {

  public RateLimit {
    if (burst < 1) {
      throw new IllegalArgumentException("burst must be at least 1, was " + burst);
    }
    if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
      throw new IllegalArgumentException("perSecond must be above 0, was " + perSecond);
    }
  }
}
