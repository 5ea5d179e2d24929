package io.switchboard.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code http.rate-limit}: token buckets per caller on each node (a cluster of N nodes lets a caller through up to
 * N times these rates, since a load balancer spreads its requests).
 *
 * @param enabled false turns every limit off (a load test)
 * @param requestsPerSecond sustained requests per second of one signed-in caller (per token subject)
 * @param burst requests one signed-in caller may make at once
 * @param anonymousPerSecond sustained requests per second of one remote address without a valid token
 * @param anonymousBurst requests one such address may make at once
 * @param signInFailures failed sign-ins one username may have from one address before it must wait
 * @param signInFailuresPerMinute failed sign-ins given back per minute after that
 */
public record RateLimitSettings(
    boolean enabled,
    @JsonProperty("requests-per-second") int requestsPerSecond,
    int burst,
    @JsonProperty("anonymous-per-second") int anonymousPerSecond,
    @JsonProperty("anonymous-burst") int anonymousBurst,
    @JsonProperty("sign-in-failures") int signInFailures,
    @JsonProperty("sign-in-failures-per-minute") int signInFailuresPerMinute) {

  /** 50/s with bursts of 200 per caller, 10/s with bursts of 50 per anonymous address, 5 failed sign-ins then 1/min. */
  public static RateLimitSettings defaults() {
    return new RateLimitSettings(true, 50, 200, 10, 50, 5, 1);
  }
}
