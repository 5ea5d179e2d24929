package io.switchboard.queue.routing;

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

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** A {@link CallControl} that accepts every command and remembers the agents it was asked to ring. */
final class RecordingCallControl implements CallControl {

    /** One {@code connectToAgent} command. */
    record Ring(CallId call, LegId agentLeg, String device, Duration ringTimeout) {
    }

    /** One {@code openAgentSession} or {@code closeAgentSession} command. */
    record Session(AgentId agent, LegId leg, String device, boolean open) {
    }

    final List<Ring> rings = new ArrayList<>();
    final List<CallId> joins = new ArrayList<>();
    final List<OriginateRequest> originates = new ArrayList<>();
    final List<Session> sessions = new ArrayList<>();
    CommandResult nextOriginate = CommandResult.ACCEPTED;
    final List<CallId> hangups = new ArrayList<>();
    final List<Exit> exits = new ArrayList<>();

    Ring lastRing() {
        return rings.get(rings.size() - 1);
    }

    List<String> devicesRung() {
        return rings.stream().map(Ring::device).toList();
    }

    @Override
    public CompletionStage<CommandResult> connectToAgent(CallId call, LegId agentLeg, String device, Duration ringTimeout) {
        rings.add(new Ring(call, agentLeg, device, ringTimeout));
        return accepted();
    }

    @Override
    public CompletionStage<CommandResult> joinToAgent(CallId call, AgentId agent) {
        joins.add(call);
        return accepted();
    }

    @Override
    public CompletionStage<CommandResult> returnToHold(CallId call) {
        return accepted();
    }

    @Override
    public CompletionStage<CommandResult> originate(OriginateRequest request) {
        originates.add(request);
        return CompletableFuture.completedFuture(nextOriginate);
    }

    @Override
    public CompletionStage<CommandResult> openAgentSession(AgentId agent, LegId sessionLeg, String device) {
        sessions.add(new Session(agent, sessionLeg, device, true));
        return accepted();
    }

    @Override
    public CompletionStage<CommandResult> closeAgentSession(AgentId agent, LegId sessionLeg) {
        sessions.add(new Session(agent, sessionLeg, "", false));
        return accepted();
    }

    @Override
    public CompletionStage<CommandResult> hangup(CallId call, HangupCause cause) {
        hangups.add(call);
        return accepted();
    }

    @Override
    public CompletionStage<CommandResult> blindTransfer(CallId call, Destination to) {
        return accepted();
    }

    @Override
    public CompletionStage<CommandResult> attendedTransfer(CallId call, LegId transferrer, Destination to) {
        return accepted();
    }

    @Override
    public CompletionStage<CommandResult> hold(CallId call, LegId leg) {
        return accepted();
    }

    @Override
    public CompletionStage<CommandResult> unhold(CallId call, LegId leg) {
        return accepted();
    }

    @Override
    public CompletionStage<CommandResult> startRecording(CallId call, String name) {
        return accepted();
    }

    @Override
    public CompletionStage<CommandResult> stopRecording(CallId call) {
        return accepted();
    }

    @Override
    public CompletionStage<CommandResult> pauseRecording(CallId call) {
        return accepted();
    }

    @Override
    public CompletionStage<CommandResult> resumeRecording(CallId call) {
        return accepted();
    }

    @Override
    public CompletionStage<CommandResult> monitor(CallId call, LegId supervisorLeg, String device, MonitorMode mode) {
        return accepted();
    }

    /** One {@code leaveQueue} command. */
    record Exit(CallId call, DialplanTarget to, String queueStatus) {
    }

    @Override
    public CompletionStage<CommandResult> leaveQueue(CallId call, DialplanTarget to, String queueStatus) {
        exits.add(new Exit(call, to, queueStatus));
        return accepted();
    }

    private static CompletionStage<CommandResult> accepted() {
        return CompletableFuture.completedFuture(CommandResult.ACCEPTED);
    }
}
