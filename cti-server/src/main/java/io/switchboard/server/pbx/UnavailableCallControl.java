package io.switchboard.server.pbx;

import io.switchboard.core.call.HangupCause;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;
import io.switchboard.core.id.PbxId;
import io.switchboard.core.port.CallControl;
import io.switchboard.core.port.CommandResult;
import io.switchboard.core.port.Destination;
import io.switchboard.core.port.MonitorMode;
import io.switchboard.core.port.OriginateRequest;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A stop-gap for a FreeSWITCH while esl-adapter has no {@code EslCallControl}: every command is refused at
 * once as {@code Failed("esl-control-not-available", ...)}, a business outcome the routing already handles
 * (the caller stays on hold), rather than a command that silently does nothing.
 */
final class UnavailableCallControl implements CallControl {

  static final String ERROR_ID = "esl-control-not-available";

  private final CommandResult refused;

  UnavailableCallControl(PbxId pbx) {
    this.refused = new CommandResult.Failed(ERROR_ID, "call control over ESL is not available in this build: "
        + "FreeSWITCH " + pbx + " is attached for events and /status only");
  }

  private CompletionStage<CommandResult> refuse() {
    return CompletableFuture.completedFuture(refused);
  }

  @Override
  public CompletionStage<CommandResult> connectToAgent(CallId call, LegId agentLeg, String device, Duration ringTimeout) {
    return refuse();
  }

  @Override
  public CompletionStage<CommandResult> joinToAgent(CallId call, AgentId agent) {
    return refuse();
  }

  @Override
  public CompletionStage<CommandResult> openAgentSession(AgentId agent, LegId sessionLeg, String device) {
    return refuse();
  }

  @Override
  public CompletionStage<CommandResult> closeAgentSession(AgentId agent, LegId sessionLeg) {
    return refuse();
  }

  @Override
  public CompletionStage<CommandResult> returnToHold(CallId call) {
    return refuse();
  }

  @Override
  public CompletionStage<CommandResult> originate(OriginateRequest request) {
    return refuse();
  }

  @Override
  public CompletionStage<CommandResult> hangup(CallId call, HangupCause cause) {
    return refuse();
  }

  @Override
  public CompletionStage<CommandResult> blindTransfer(CallId call, Destination to) {
    return refuse();
  }

  @Override
  public CompletionStage<CommandResult> attendedTransfer(CallId call, LegId transferrer, Destination to) {
    return refuse();
  }

  @Override
  public CompletionStage<CommandResult> hold(CallId call, LegId leg) {
    return refuse();
  }

  @Override
  public CompletionStage<CommandResult> unhold(CallId call, LegId leg) {
    return refuse();
  }

  @Override
  public CompletionStage<CommandResult> startRecording(CallId call, String name) {
    return refuse();
  }

  @Override
  public CompletionStage<CommandResult> stopRecording(CallId call) {
    return refuse();
  }

  @Override
  public CompletionStage<CommandResult> pauseRecording(CallId call) {
    return refuse();
  }

  @Override
  public CompletionStage<CommandResult> resumeRecording(CallId call) {
    return refuse();
  }

  @Override
  public CompletionStage<CommandResult> monitor(CallId call, LegId supervisorLeg, String device, MonitorMode mode) {
    return refuse();
  }
}
