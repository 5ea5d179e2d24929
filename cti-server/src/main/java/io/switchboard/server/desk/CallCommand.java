package io.switchboard.server.desk;

import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;
import io.switchboard.core.port.CallControl;
import io.switchboard.core.port.CommandResult;
import java.util.concurrent.CompletionStage;

/** A command an agent gives on their own connected call from the desk. */
enum CallCommand {

  /** The customer hears music on hold; the agent's leg stays up ({@code CallControl.hold} of the customer's leg). */
  HOLD("held", "hold"),
  /** The customer is back with the agent ({@code CallControl.unhold}). */
  UNHOLD("unheld", "unhold"),
  /** The recording stops taking sound, e.g. while the customer reads out card details. */
  PAUSE_RECORDING("recording-paused", "recording/pause"),
  /** The recording takes sound again. */
  RESUME_RECORDING("recording-resumed", "recording/resume");

  final String outcome;
  final String path;

  CallCommand(String outcome, String path) {
    this.outcome = outcome;
    this.path = path;
  }

  /** Whether the command is about hold (not the recording). */
  boolean isHold() {
    return this == HOLD || this == UNHOLD;
  }

  /** Whether, once done, the call is held (for hold commands) or its recording paused (for the others). */
  boolean turnsOn() {
    return this == HOLD || this == PAUSE_RECORDING;
  }

  /**
   * Sends the command for {@code call}. The customer's leg has the call's id on both adapters (the caller's
   * channel or the customer's uuid).
   */
  CompletionStage<CommandResult> send(CallControl control, CallId call) {
    LegId customer = LegId.of(call.value());
    return switch (this) {
      case HOLD -> control.hold(call, customer);
      case UNHOLD -> control.unhold(call, customer);
      case PAUSE_RECORDING -> control.pauseRecording(call);
      case RESUME_RECORDING -> control.resumeRecording(call);
    };
  }
}
