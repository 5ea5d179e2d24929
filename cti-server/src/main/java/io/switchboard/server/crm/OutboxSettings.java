package io.switchboard.server.crm;

import java.time.Duration;

/**
 * How the outbox dispatcher paces itself ({@code crm.outbox.*}).
 *
 * @param pollInterval how often each node looks for due rows
 * @param baseDelay    the first retry's ceiling after a refusal
 * @param maxDelay     the cap on every retry's ceiling: a CRM back after hours is caught up within this
 * @param maxAttempts  attempts in total before a row is marked failed
 * @param batch        rows claimed at a time
 * @param callTimeout  how long one {@code logCall} may take before it counts as a retryable timeout
 * @param lease        how long a claimed row is kept from other nodes; longer than {@code callTimeout}
 */
public record OutboxSettings(Duration pollInterval, Duration baseDelay, Duration maxDelay, int maxAttempts, int batch,
    Duration callTimeout, Duration lease) {

  public OutboxSettings {
    positive(pollInterval, "crm.outbox.poll-interval");
    positive(baseDelay, "crm.outbox.base-delay");
    positive(maxDelay, "crm.outbox.max-delay");
    positive(callTimeout, "crm.outbox.call-timeout");
    positive(lease, "crm.outbox.lease");
    if (maxDelay.compareTo(baseDelay) < 0) {
      throw new IllegalArgumentException("crm.outbox.max-delay must be at least crm.outbox.base-delay, was " + maxDelay);
    }
    if (lease.compareTo(callTimeout) <= 0) {
      throw new IllegalArgumentException("crm.outbox.lease must be longer than crm.outbox.call-timeout, was " + lease);
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("crm.outbox.max-attempts must be at least 1, was " + maxAttempts);
    }
    if (batch < 1) {
      throw new IllegalArgumentException("crm.outbox.batch must be at least 1, was " + batch);
    }
  }

  /** Every 5 s; retries from 10 s doubling up to 2 min, for about a day (1,000 attempts); 100 rows a claim. */
  public static OutboxSettings defaults() {
    return new OutboxSettings(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofMinutes(2), 1000, 100,
        Duration.ofSeconds(30), Duration.ofMinutes(2));
  }

  private static void positive(Duration value, String key) {
    if (value == null || value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(key + " must be a positive duration, was " + value);
    }
  }
}
