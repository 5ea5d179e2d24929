package io.switchboard.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code kpi}: how the live KPIs judge calls and where their day starts. A queue's own
 * {@code service_level_seconds} replaces {@code service-level-seconds} for that queue.
 *
 * @param serviceLevelSeconds a call answered after waiting at most this long is answered within service level
 * @param shortAbandonSeconds a caller who hangs up after waiting less than this is a short abandon, counted apart
 *                            and in neither service level nor abandonment rate; 0 counts every hang-up as abandoned
 * @param repeatCallerHours   a caller who calls again within this many hours is a repeat caller
 * @param zone                the time zone whose midnight starts "since midnight", e.g. {@code Europe/Berlin}
 */
public record KpiConfig(
    @JsonProperty("service-level-seconds") int serviceLevelSeconds,
    @JsonProperty("short-abandon-seconds") int shortAbandonSeconds,
    @JsonProperty("repeat-caller-hours") int repeatCallerHours,
    @JsonProperty("zone") String zone) {

  public KpiConfig {
    zone = zone == null ? "UTC" : zone.strip();
  }

  /** 20 s service level, 5 s short abandons, repeat callers within 24 h, midnight in UTC. */
  public static KpiConfig defaults() {
    return new KpiConfig(20, 5, 24, "UTC");
  }
}
