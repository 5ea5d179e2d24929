package io.switchboard.server.http;

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
import java.util.concurrent.CompletionStage;

/**
 * A PBX no command is expected of: each fails the test naming the command. A route test's fake extends it and
 * answers only the commands its routes send.
 */
public abstract class UnexpectedCallControl implements CallControl {

  private static CompletionStage<CommandResult> unexpected(String command) {
    throw new AssertionError("this test expects no " + command + " command");
  }

  @Override
  public CompletionStage<CommandResult> connectToAgent(CallId call, LegId agentLeg, String device, Duration ring) {
    return unexpected("connectToAgent");
  }

  @Override
  public CompletionStage<CommandResult> joinToAgent(CallId call, AgentId agent) {
    return unexpected("joinToAgent");
  }

  @Override
  public CompletionStage<CommandResult> openAgentSession(AgentId agent, LegId sessionLeg, String device) {
    return unexpected("openAgentSession");
  }

  @Override
  public CompletionStage<CommandResult> closeAgentSession(AgentId agent, LegId sessionLeg) {
    return unexpected("closeAgentSession");
  }

  @Override
  public CompletionStage<CommandResult> returnToHold(CallId call) {
    return unexpected("returnToHold");
  }

  @Override
  public CompletionStage<CommandResult> originate(OriginateRequest request) {
    return unexpected("originate");
  }

  @Override
  public CompletionStage<CommandResult> hangup(CallId call, HangupCause cause) {
    return unexpected("hangup");
  }

  @Override
  public CompletionStage<CommandResult> blindTransfer(CallId call, Destination to) {
    return unexpected("blindTransfer");
  }

  @Override
  public CompletionStage<CommandResult> attendedTransfer(CallId call, LegId transferrer, Destination to) {
    return unexpected("attendedTransfer");
  }

  @Override
  public CompletionStage<CommandResult> hold(CallId call, LegId leg) {
    return unexpected("hold");
  }

  @Override
  public CompletionStage<CommandResult> unhold(CallId call, LegId leg) {
    return unexpected("unhold");
  }

  @Override
  public CompletionStage<CommandResult> startRecording(CallId call, String name) {
    return unexpected("startRecording");
  }

  @Override
  public CompletionStage<CommandResult> stopRecording(CallId call) {
    return unexpected("stopRecording");
  }

  @Override
  public CompletionStage<CommandResult> pauseRecording(CallId call) {
    return unexpected("pauseRecording");
  }

  @Override
  public CompletionStage<CommandResult> resumeRecording(CallId call) {
    return unexpected("resumeRecording");
  }

  @Override
  public CompletionStage<CommandResult> monitor(CallId call, LegId supervisorLeg, String device, MonitorMode mode) {
    return unexpected("monitor");
  }

  @Override
  public CompletionStage<CommandResult> announceWait(CallId call, WaitAnnouncement announcement) {
    return unexpected("announceWait");
  }

  @Override
  public CompletionStage<CommandResult> leaveQueue(CallId call, DialplanTarget to, String queueStatus) {
    return unexpected("leaveQueue");
  }
}
