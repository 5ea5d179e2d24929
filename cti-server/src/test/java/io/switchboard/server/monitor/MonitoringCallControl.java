package io.switchboard.server.monitor;

import io.switchboard.core.call.HangupCause;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;
import io.switchboard.core.port.CallControl;
import io.switchboard.core.port.CommandResult;
import io.switchboard.core.port.Destination;
import io.switchboard.core.port.DialplanTarget;
import io.switchboard.core.port.MonitorMode;
import io.switchboard.core.port.OriginateRequest;
import io.switchboard.core.port.WaitAnnouncement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** A PBX that notes monitors and hang-ups and answers them with {@link #answer}; nothing else is expected. */
final class MonitoringCallControl implements CallControl {

  /** One monitor asked for. */
  record Spy(CallId call, LegId supervisorLeg, String device, MonitorMode mode) {
  }

  final List<Spy> spies = new ArrayList<>();
  final List<CallId> hangups = new ArrayList<>();
  CommandResult answer = CommandResult.ACCEPTED;

  @Override
  public CompletionStage<CommandResult> monitor(CallId call, LegId supervisorLeg, String device, MonitorMode mode) {
    spies.add(new Spy(call, supervisorLeg, device, mode));
    return CompletableFuture.completedFuture(answer);
  }

  @Override
  public CompletionStage<CommandResult> hangup(CallId call, HangupCause cause) {
    hangups.add(call);
    return CompletableFuture.completedFuture(answer);
  }

  private static CompletionStage<CommandResult> unexpected() {
    throw new AssertionError("only monitors and hang-ups are expected");
  }

  @Override
  public CompletionStage<CommandResult> connectToAgent(CallId call, LegId agentLeg, String device, Duration ring) {
    return unexpected();
  }

  @Override
  public CompletionStage<CommandResult> joinToAgent(CallId call, AgentId agent) {
    return unexpected();
  }

  @Override
  public CompletionStage<CommandResult> openAgentSession(AgentId agent, LegId sessionLeg, String device) {
    return unexpected();
  }

  @Override
  public CompletionStage<CommandResult> closeAgentSession(AgentId agent, LegId sessionLeg) {
    return unexpected();
  }

  @Override
  public CompletionStage<CommandResult> returnToHold(CallId call) {
    return unexpected();
  }

  @Override
  public CompletionStage<CommandResult> originate(OriginateRequest request) {
    return unexpected();
  }

  @Override
  public CompletionStage<CommandResult> blindTransfer(CallId call, Destination to) {
    return unexpected();
  }

  @Override
  public CompletionStage<CommandResult> attendedTransfer(CallId call, LegId transferrer, Destination to) {
    return unexpected();
  }

  @Override
  public CompletionStage<CommandResult> hold(CallId call, LegId leg) {
    return unexpected();
  }

  @Override
  public CompletionStage<CommandResult> unhold(CallId call, LegId leg) {
    return unexpected();
  }

  @Override
  public CompletionStage<CommandResult> startRecording(CallId call, String name) {
    return unexpected();
  }

  @Override
  public CompletionStage<CommandResult> stopRecording(CallId call) {
    return unexpected();
  }

  @Override
  public CompletionStage<CommandResult> pauseRecording(CallId call) {
    return unexpected();
  }

  @Override
  public CompletionStage<CommandResult> resumeRecording(CallId call) {
    return unexpected();
  }

  @Override
  public CompletionStage<CommandResult> announceWait(CallId call, WaitAnnouncement announcement) {
    return unexpected();
  }

  @Override
  public CompletionStage<CommandResult> leaveQueue(CallId call, DialplanTarget to, String queueStatus) {
    return unexpected();
  }
}
