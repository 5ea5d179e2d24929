package io.switchboard.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code outbound}: calls placed for nailed-up agents ({@code POST /api/v1/calls}). */
public record OutboundSettings(
    @JsonProperty("ring-timeout-seconds") int ringTimeoutSeconds,
    @JsonProperty("answering-machine") AnsweringMachineAction answeringMachine,
    @JsonProperty("machine-message") String machineMessage,
    @JsonProperty("safe-harbour-message") String safeHarbourMessage,
    @JsonProperty("wrap-up-seconds") int wrapUpSeconds,
    @JsonProperty("amd-false-positive-percent") Integer amdFalsePositivePercent,
    @JsonProperty("blend-calm-seconds") Integer blendCalmSeconds) {

  /** The shortest ring compliance rules allow. */
  public static final int MIN_RING_SECONDS = 15;
  /** The share of AMD machine verdicts taken to be people, for UK abandon rates, unless configured. */
  public static final int DEFAULT_AMD_FALSE_POSITIVE_PERCENT = 5;
  /** How long inbound must be calm before blended agents go back to campaigns, unless configured. */
  public static final int DEFAULT_BLEND_CALM_SECONDS = 30;

  public OutboundSettings {
    machineMessage = machineMessage == null ? "" : machineMessage;
    safeHarbourMessage = safeHarbourMessage == null ? "" : safeHarbourMessage;
    amdFalsePositivePercent = amdFalsePositivePercent == null ? DEFAULT_AMD_FALSE_POSITIVE_PERCENT
        : amdFalsePositivePercent;
    blendCalmSeconds = blendCalmSeconds == null ? DEFAULT_BLEND_CALM_SECONDS : blendCalmSeconds;
  }

  /** Without {@code blend-calm-seconds}: its default. */
  public OutboundSettings(int ringTimeoutSeconds, AnsweringMachineAction answeringMachine, String machineMessage,
      String safeHarbourMessage, int wrapUpSeconds, Integer amdFalsePositivePercent) {
    this(ringTimeoutSeconds, answeringMachine, machineMessage, safeHarbourMessage, wrapUpSeconds,
        amdFalsePositivePercent, null);
  }

  /** Without {@code amd-false-positive-percent}: its default. */
  public OutboundSettings(int ringTimeoutSeconds, AnsweringMachineAction answeringMachine, String machineMessage,
      String safeHarbourMessage, int wrapUpSeconds) {
    this(ringTimeoutSeconds, answeringMachine, machineMessage, safeHarbourMessage, wrapUpSeconds, null, null);
  }

  public static OutboundSettings defaults() {
    return new OutboundSettings(30, AnsweringMachineAction.HANGUP, "", "", 0);
  }
}
