package io.switchboard.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code routing}: the server-wide rules of inbound routing that are not a queue's.
 *
 * @param autoPauseAfterMisses how many offers in a row an agent may miss before they are paused with reason
 *                             {@code no-answer}; 0 turns it off
 * @param statisticsZone       the time zone whose midnight starts a new day for the agents' statistics
 *                             (calls and talk time today), e.g. {@code UTC} or {@code Europe/Berlin}
 */
public record RoutingSettings(
    @JsonProperty("auto-pause-after-misses") int autoPauseAfterMisses,
    @JsonProperty("statistics-zone") String statisticsZone) {

  public static RoutingSettings defaults() {
    return new RoutingSettings(3, "UTC");
  }
}
