package io.switchboard.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code outbound}: calls placed for nailed-up agents ({@code POST /api/v1/calls}). */
public record OutboundSettings(
    @JsonProperty("ring-timeout-seconds") int ringTimeoutSeconds,
    @JsonProperty("answering-machine") AnsweringMachineAction answeringMachine,
    @JsonProperty("machine-message") String machineMessage,
    @JsonProperty("safe-harbour-message") String safeHarbourMessage,
    @JsonProperty("wrap-up-seconds") int wrapUpSeconds) {

  /** The shortest ring compliance rules allow. */
  public static final int MIN_RING_SECONDS = 15;

  public OutboundSettings {
    machineMessage = machineMessage == null ? "" : machineMessage;
    safeHarbourMessage = safeHarbourMessage == null ? "" : safeHarbourMessage;
  }

  public static OutboundSettings defaults() {
    return new OutboundSettings(30, AnsweringMachineAction.HANGUP, "", "", 0);
  }
}
