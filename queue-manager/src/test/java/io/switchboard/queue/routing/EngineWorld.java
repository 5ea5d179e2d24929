package io.switchboard.queue.routing;

import io.switchboard.core.agent.AgentState;
import io.switchboard.core.call.AmdResult;
import io.switchboard.core.call.Did;
import io.switchboard.core.call.HangupCause;
import io.switchboard.core.call.HoldReason;
import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.event.PbxEvent;
import io.switchboard.core.event.SafeHarbourReason;
import io.switchboard.core.event.TransferTarget;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;
import io.switchboard.core.id.PbxId;
import io.switchboard.core.id.QueueId;
import io.switchboard.core.port.AgentDirectory;
import io.switchboard.core.routing.RoutingStrategy;
import io.switchboard.core.routing.TaskQueue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** A {@link RoutingEngine} wired to in-memory fakes; ports complete at once on the calling thread. */
final class EngineWorld {

    static final PbxId PBX = PbxId.of("pbx1");
    static final PhoneNumber CUSTOMER = PhoneNumber.parse("+442071234567", "to");

    final FakeClock clock = new FakeClock(Instant.parse("2026-11-24T09:00:00Z"));
    final InMemoryAgentStateStore states = new InMemoryAgentStateStore();
    final RecordingCallControl pbx = new RecordingCallControl();
    final List<JournalEntry> journal = new ArrayList<>();
    final List<OutboundEntry> outboundJournal = new ArrayList<>();
    final List<Runnable> dueTimers = new ArrayList<>();
    private final MapAgentDirectory directory = new MapAgentDirectory();
    private final Map<QueueId, TaskQueue> queues = new HashMap<>();
    private int calls;
    final RoutingEngine engine;

    EngineWorld() {
        this(OutboundPolicy.defaults());
    }

    EngineWorld(OutboundPolicy policy) {
        AgentDirectory agents = directory;
        engine = new RoutingEngine(agents, id -> CompletableFuture.completedFuture(Optional.ofNullable(queues.get(id))),
                states, id -> Optional.of(pbx), entry -> {
                    journal.add(entry);
                    return CompletableFuture.completedFuture(null);
                }, entry -> {
                    outboundJournal.add(entry);
                    return CompletableFuture.completedFuture(null);
                }, (delay, action) -> dueTimers.add(action), policy,
                p -> CallId.of(p.value() + "/out-" + (++calls)), clock, Runnable::run);
    }

    EngineWorld queue(String id, Duration wrapUp) {
        TaskQueue defaults = TaskQueue.of(QueueId.of(id), id, RoutingStrategy.LONGEST_IDLE);
        queues.put(QueueId.of(id), new TaskQueue(defaults.id(), id, defaults.strategy(), List.of(), wrapUp,
                0, Duration.ZERO, Duration.ofSeconds(15)));
        engine.inbound().queueChanged(QueueId.of(id));
        return this;
    }

    /** An available agent with no device in the directory: reachable only through an open line. */
    EngineWorld agentWithoutDevice(String agent, String queue) {
        directory.put(Agents.withoutDevice(agent, queue));
        engine.inbound().queueChanged(QueueId.of(queue));
        return this;
    }

    /** An agent the directory knows, member of every one of {@code queues}, in {@code state}. */
    EngineWorld agentIn(String agent, AgentState state, String... queues) {
        directory.put(Agents.member(agent, queues));
        for (String queue : queues) {
            engine.inbound().queueChanged(QueueId.of(queue));
        }
        if (state != AgentState.LOGGED_OUT) {
            states.put(agent, state, clock.instant().minusSeconds(60));
        }
        return this;
    }

    /** An agent the directory knows, member of {@code queue}, in {@code state}. */
    EngineWorld agent(String agent, String queue, AgentState state) {
        directory.put(Agents.member(agent, queue));
        engine.inbound().queueChanged(QueueId.of(queue));
        if (state != AgentState.LOGGED_OUT) {
            states.put(agent, state, clock.instant().minusSeconds(60));
        }
        return this;
    }

    static LegId sessionLeg(String agent) {
        return LegId.of("pbx1/session-" + agent);
    }

    void lineOpens(String agent) {
        engine.onEvent(new PbxEvent.AgentSessionOpened(PBX, clock.instant(), AgentId.of(agent), sessionLeg(agent)));
    }

    void lineCloses(String agent) {
        engine.onEvent(new PbxEvent.AgentSessionClosed(PBX, clock.instant(), AgentId.of(agent), sessionLeg(agent)));
    }

    void featureCode(String agent, boolean login) {
        engine.onEvent(login ? new PbxEvent.AgentLoggedIn(PBX, clock.instant(), AgentId.of(agent), "SIP/" + agent, false)
                : new PbxEvent.AgentLoggedOut(PBX, clock.instant(), AgentId.of(agent), "SIP/" + agent));
    }

    void callArrives(String call, String queue) {
        engine.onEvent(new PbxEvent.CallOffered(PBX, clock.instant(), CallId.of(call), LegId.of(call),
                Optional.of(PhoneNumber.parse("+4930555123", "caller")), Did.of("100"), Optional.empty(),
                Optional.of(QueueId.of(queue))));
    }

    void joined(String call, String agent) {
        engine.onEvent(new PbxEvent.CallConnected(PBX, clock.instant(), CallId.of(call), LegId.of(call),
                sessionLeg(agent)));
    }

    void backOnHold(String call, HoldReason reason) {
        engine.onEvent(new PbxEvent.CallReturnedToHold(PBX, clock.instant(), CallId.of(call), Optional.empty(), reason));
    }

    void hangsUp(String call, HangupCause cause) {
        engine.onEvent(new PbxEvent.LegHungUp(PBX, clock.instant(), CallId.of(call), LegId.of(call), cause));
    }

    void amd(String call, AmdResult result) {
        engine.onEvent(new PbxEvent.AnsweringMachineDetected(PBX, clock.instant(), CallId.of(call), LegId.of(call),
                result));
    }

    void safeHarbour(String call, SafeHarbourReason reason) {
        engine.onEvent(new PbxEvent.SafeHarbourPlayed(PBX, clock.instant(), CallId.of(call), LegId.of(call),
                Optional.of(AgentId.of("a1")), reason));
    }

    void machineMessageLeft(String call) {
        engine.onEvent(new PbxEvent.MachineMessageLeft(PBX, clock.instant(), CallId.of(call), LegId.of(call)));
    }

    void transferred(String call, String number) {
        engine.onEvent(new PbxEvent.CallTransferred(PBX, clock.instant(), CallId.of(call), LegId.of(call),
                new TransferTarget(number, "from-internal")));
    }

    void originateFails(String call, HangupCause cause) {
        engine.onEvent(new PbxEvent.OriginateFailed(PBX, clock.instant(), CallId.of(call), cause));
    }

    OutboundCalls.Dial dial(String agent) {
        return engine.outbound().dial(AgentId.of(agent), true, CUSTOMER, Optional.empty()).toCompletableFuture().join();
    }

    void timersFire() {
        List<Runnable> due = List.copyOf(dueTimers);
        dueTimers.clear();
        due.forEach(Runnable::run);
    }

    AgentState stateOf(String agent) {
        return states.stateOf(agent);
    }

    List<OutboundOutcome> outcomes() {
        return outboundJournal.stream().filter(OutboundEntry.Ended.class::isInstance)
                .map(e -> ((OutboundEntry.Ended) e).outcome()).toList();
    }

    Optional<OutboundOutcome> outcome() {
        return outboundJournal.stream().filter(OutboundEntry.Ended.class::isInstance)
                .map(e -> ((OutboundEntry.Ended) e).outcome()).findFirst();
    }
}
