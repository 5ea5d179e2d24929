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
import io.switchboard.core.port.WaitAnnouncement;

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

    /** One {@code announceWait} command. */
    record Announced(CallId call, WaitAnnouncement announcement) {
    }

    /** One {@code openAgentSession} or {@code closeAgentSession} command. */
    record Session(AgentId agent, LegId leg, String device, boolean open) {
    }

    final List<Ring> rings = new ArrayList<>();
    final List<CallId> joins = new ArrayList<>();
    final List<OriginateRequest> originates = new ArrayList<>();
    final List<Session> sessions = new ArrayList<>();
    final List<Announced> announced = new ArrayList<>();
    /** When set, {@code announceWait} answers with this stage, so a test can hold the PBX's answer back. */
    CompletableFuture<CommandResult> announcementAnswer;
    CommandResult nextOriginate = CommandResult.ACCEPTED;
    /** Whether this PBX rings several agent legs for one call; off, as for a PBX that cannot. */
    boolean severalLegs;
    /** The legs {@code ringAgentLeg} rang (also in {@link #rings}). */
    final List<LegId> legsRung = new ArrayList<>();
    final List<LegId> legsCanceled = new ArrayList<>();
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

    @Override
    public boolean ringsSeveralLegs() {
        return severalLegs;
    }

    @Override
    public CompletionStage<CommandResult> ringAgentLeg(CallId call, LegId agentLeg, String device,
                                                       Duration ringTimeout) {
        rings.add(new Ring(call, agentLeg, device, ringTimeout));
        legsRung.add(agentLeg);
        return accepted();
    }

    /** The caller number each {@code ringAgentLeg} was asked to show, in order. */
    final List<java.util.Optional<io.switchboard.core.call.PhoneNumber>> ringCallerIds = new ArrayList<>();

    @Override
    public CompletionStage<CommandResult> ringAgentLeg(CallId call, LegId agentLeg, String device,
                                                       Duration ringTimeout,
                                                       java.util.Optional<io.switchboard.core.call.PhoneNumber> callerId) {
        ringCallerIds.add(callerId);
        return ringAgentLeg(call, agentLeg, device, ringTimeout);
    }

    @Override
    public CompletionStage<CommandResult> cancelAgentLeg(CallId call, LegId agentLeg) {
        legsCanceled.add(agentLeg);
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

    @Override
    public CompletionStage<CommandResult> announceWait(CallId call, WaitAnnouncement announcement) {
        announced.add(new Announced(call, announcement));
        return announcementAnswer != null ? announcementAnswer : accepted();
    }

    /** The calls told they will be called back ({@code confirmCallback}), in order. */
    final List<CallId> callbacksConfirmed = new ArrayList<>();
    /** What {@code confirmCallback} answers. */
    CommandResult nextConfirm = CommandResult.ACCEPTED;

    @Override
    public CompletionStage<CommandResult> confirmCallback(CallId call) {
        callbacksConfirmed.add(call);
        return CompletableFuture.completedFuture(nextConfirm);
    }
}
