package io.switchboard.server.desk;

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

/**
 * A PBX that answers hold, unhold, recording pause and resume and blind transfers with {@link #answer} and notes
 * each as {@code "<command> <call>"}; every other command is not expected.
 */
final class DeskCallControl implements CallControl {

  final List<String> commands = new ArrayList<>();
  CommandResult answer = CommandResult.ACCEPTED;

  private CompletionStage<CommandResult> noted(String command) {
    commands.add(command);
    return CompletableFuture.completedFuture(answer);
  }

  @Override
  public CompletionStage<CommandResult> blindTransfer(CallId call, Destination to) {
    return noted("transfer " + call.value());
  }

  @Override
  public CompletionStage<CommandResult> attendedTransfer(CallId call, LegId transferrer, Destination to) {
    return unexpected();
  }

  private static CompletionStage<CommandResult> unexpected() {
    throw new AssertionError("only hold, recording and blind transfer commands are expected");
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
  public CompletionStage<CommandResult> hangup(CallId call, HangupCause cause) {
    return unexpected();
  }

  @Override
  public CompletionStage<CommandResult> hold(CallId call, LegId leg) {
    return noted("hold " + call.value() + " " + leg.value());
  }

  @Override
  public CompletionStage<CommandResult> unhold(CallId call, LegId leg) {
    return noted("unhold " + call.value() + " " + leg.value());
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
    return noted("pause-recording " + call.value());
  }

  @Override
  public CompletionStage<CommandResult> resumeRecording(CallId call) {
    return noted("resume-recording " + call.value());
  }

  @Override
  public CompletionStage<CommandResult> monitor(CallId call, LegId supervisorLeg, String device, MonitorMode mode) {
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
