package io.switchboard.server.campaign;

import io.switchboard.core.Require;
import java.time.Duration;

/**
 * After a dial ends with {@code result} (a {@code DialResult} slug or an agent's disposition slug), the lead is
 * tried again after {@code retryAfter}, while it has been dialled fewer than {@code maxAttempts} times in all
 * ({@code campaign_recycle_rules}).
 *
 * @param result      {@code busy}, {@code no-answer}, {@code machine}, ... or a disposition such as {@code callback-later}
 * @param retryAfter  how long the lead rests before it is due again; zero or more
 * @param maxAttempts the attempts after which the lead is exhausted; at least 1
 */
public record RecycleRule(String result, Duration retryAfter, int maxAttempts) {

  public RecycleRule {
    Require.nonBlank(result, "result");
    Require.nonNull(retryAfter, "retryAfter");
    if (retryAfter.isNegative()) {
      throw new IllegalArgumentException("retryAfter must not be negative, was " + retryAfter);
    }
    Require.atLeast(maxAttempts, 1, "maxAttempts");
  }
}
