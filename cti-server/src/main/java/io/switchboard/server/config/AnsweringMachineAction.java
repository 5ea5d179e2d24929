package io.switchboard.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code outbound.answering-machine}: what the glue does when AMD hears a machine. */
public enum AnsweringMachineAction {
  /** Hang up at once; the call's outcome is {@code machine}. */
  @JsonProperty("hangup") HANGUP,
  /** Play {@code outbound.machine-message}, then hang up; the outcome is {@code machine-message}. */
  @JsonProperty("message") MESSAGE
}
