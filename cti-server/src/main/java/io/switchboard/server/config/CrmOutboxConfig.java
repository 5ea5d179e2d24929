package io.switchboard.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code crm.outbox}: how the durable call-log outbox sends logs to the CRMs (docs/crm.md, "The call-log outbox").
 *
 * @param pollIntervalSeconds    how often each node looks for due call logs
 * @param maxDelaySeconds        the cap on the retry delay after a CRM refused or failed: a CRM back after an
 *                               outage is caught up within about this long
 * @param maxAttempts            attempts before a call log is marked failed
 * @param dispositionWaitSeconds how long an agent's call log waits for the wrap-up's disposition and notes
 * @param lookupTimeoutMillis    how long the screen pop waits for a CRM's lookup before calling it unavailable
 */
public record CrmOutboxConfig(
    @JsonProperty("poll-interval-seconds") int pollIntervalSeconds,
    @JsonProperty("max-delay-seconds") int maxDelaySeconds,
    @JsonProperty("max-attempts") int maxAttempts,
    @JsonProperty("disposition-wait-seconds") int dispositionWaitSeconds,
    @JsonProperty("lookup-timeout-millis") int lookupTimeoutMillis) {

  /** Every 5 s; retries capped at 2 min, 1,000 attempts; 120 s for a disposition; 3 s for a lookup. */
  public static CrmOutboxConfig defaults() {
    return new CrmOutboxConfig(5, 120, 1000, 120, 3000);
  }
}
