package io.switchboard.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code routing}: the server-wide rules of inbound routing that are not a queue's.
 *
 * @param autoPauseAfterMisses how many offers in a row an agent may miss before they are paused with reason
 *                             {@code no-answer}; 0 turns it off
 * @param statisticsZone       the time zone whose midnight starts a new day for the agents' statistics
 *                             (calls and talk time today), e.g. {@code UTC} or {@code Europe/Berlin}
 * @param lastAgentRetentionHours how long the agent who last spoke to a caller is remembered (as a salted
 *                             digest of the number) for queues that prefer the caller's last agent
 */
public record RoutingSettings(
    @JsonProperty("auto-pause-after-misses") int autoPauseAfterMisses,
    @JsonProperty("statistics-zone") String statisticsZone,
    @JsonProperty("last-agent-retention-hours") int lastAgentRetentionHours) {

  /** The longest {@code last-agent-retention-hours}: one year. */
  public static final int MAX_RETENTION_HOURS = 8760;

  public static RoutingSettings defaults() {
    return new RoutingSettings(3, "UTC", 72);
  }
}
