package io.switchboard.queue.routing;

import io.switchboard.core.agent.AgentState;
import io.switchboard.core.agent.AgentStatus;
import io.switchboard.core.agent.DeviceState;
import io.switchboard.core.call.Did;
import io.switchboard.core.call.HangupCause;
import io.switchboard.core.call.HoldReason;
import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.event.PbxEvent;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;
import io.switchboard.core.id.PbxId;
import io.switchboard.core.id.QueueId;
import io.switchboard.core.port.AgentDirectory;
import io.switchboard.core.routing.RoutingStrategy;
import io.switchboard.core.routing.TaskQueue;
import io.switchboard.queue.selection.QueueSetup;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * A router wired to in-memory fakes of every port, with the PBX events a test plays as one-liners. Ports
 * complete at once and the context is the calling thread, so a test reads top to bottom.
 */
final class RoutingWorld {

    static final PbxId PBX = PbxId.of("pbx1");

    final FakeClock clock;
    final InMemoryAgentStateStore states;
    final RecordingCallControl pbx = new RecordingCallControl();
    final List<JournalEntry> journal = new ArrayList<>();
    /** How the journal answers each entry it takes: at once, unless a test holds the answers. */
    java.util.function.Supplier<CompletableFuture<Void>> journalAnswers = () -> CompletableFuture.completedFuture(null);
    final List<Runnable> dueTimers = new ArrayList<>();
    final List<Duration> timerDelays = new ArrayList<>();
    final FakeLastAgents lastAgents = new FakeLastAgents();
    final AgentLines lines = new AgentLines();
    private final Map<Runnable, Instant> timersDueAt = new java.util.IdentityHashMap<>();
    final MapAgentDirectory directory;
    /** The queue setups read so far, by queue; while {@link #holdQueueReads} is set, each waits in {@link #heldReads}. */
    final List<QueueId> setupReads = new ArrayList<>();
    final List<Runnable> heldReads = new ArrayList<>();
    boolean holdQueueReads;
    /** The next queue setup read fails, as when the database is unreachable. */
    boolean failNextQueueRead;
    private final Map<QueueId, QueueSetup> queues;
    final InboundRouter router;
    /** Whether the PBX is attached: when not, the router has no call control for it. */
    boolean attached = true;

    RoutingWorld() {
        this(InboundRules.DEFAULTS);
    }

    RoutingWorld(InboundRules rules) {
        this(rules, new FakeClock(Instant.parse("2026-11-24T09:00:00Z")), new InMemoryAgentStateStore(),
                new MapAgentDirectory(), new HashMap<>());
    }

    /** Another node: a router of its own over the same agents, their states, the same queues and the same clock. */
    RoutingWorld(RoutingWorld other) {
        this(InboundRules.DEFAULTS, other.clock, other.states, other.directory, other.queues);
    }

    private RoutingWorld(InboundRules rules, FakeClock clock, InMemoryAgentStateStore states,
                         MapAgentDirectory directory, Map<QueueId, QueueSetup> queues) {
        this.clock = clock;
        this.states = states;
        this.directory = directory;
        this.queues = queues;
        AgentDirectory agents = directory;
        TaskQueues configured = new TaskQueues() {
            @Override
            public CompletionStage<Optional<TaskQueue>> find(QueueId id) {
                return CompletableFuture.completedFuture(Optional.ofNullable(queues.get(id)).map(QueueSetup::queue));
            }

            @Override
            public CompletionStage<Optional<QueueSetup>> setup(QueueId id) {
                setupReads.add(id);
                if (failNextQueueRead) {
                    failNextQueueRead = false;
                    return CompletableFuture.failedFuture(new IllegalStateException("database unreachable"));
                }
                if (holdQueueReads) {
                    CompletableFuture<Optional<QueueSetup>> held = new CompletableFuture<>();
                    heldReads.add(() -> held.complete(Optional.ofNullable(queues.get(id))));
                    return held;
                }
                return CompletableFuture.completedFuture(Optional.ofNullable(queues.get(id)));
            }
        };
        Executor now = Runnable::run;
        router = new InboundRouter(agents, configured, states, id -> attached ? Optional.of(pbx) : Optional.empty(),
                entry -> {
            journal.add(entry);
            return journalAnswers.get();
        }, (delay, action) -> {
            timerDelays.add(delay);
            dueTimers.add(action);
            timersDueAt.put(action, clock.instant().plus(delay));
        }, clock, now, new AgentMoves(states, clock, now), lines, rules, lastAgents);
    }

    /** A queue with {@code strategy}, the default ring timeout and no wrap-up. */
    RoutingWorld queue(String id, RoutingStrategy strategy) {
        queues.put(QueueId.of(id), QueueSetup.of(TaskQueue.of(QueueId.of(id), id, strategy)));
        router.queueChanged(QueueId.of(id));
        return this;
    }

    /** A queue configured in full, with its workflow. */
    RoutingWorld queue(QueueSetup setup) {
        queues.put(setup.queue().id(), setup);
        router.queueChanged(setup.queue().id());
        return this;
    }

    /** An agent of every one of {@code queues} who has been available for {@code idle}. */
    RoutingWorld availableIn(String agent, Duration idle, String... queues) {
        directory.put(Agents.member(agent, queues));
        states.put(agent, AgentState.AVAILABLE, clock.instant().minus(idle));
        java.util.Arrays.stream(queues).forEach(queue -> router.queueChanged(QueueId.of(queue)));
        return this;
    }

    /** The PBX reports the agent's phone ({@code SIP/<agent>}) in {@code state}. */
    void deviceOf(String agent, DeviceState state) {
        router.onEvent(new PbxEvent.AgentDeviceStateChanged(PBX, clock.instant(), "SIP/" + agent, state));
    }

    /** The agent's line opens on the PBX (nailed-up), as the engine records an {@code AgentSessionOpened}. */
    void lineOpens(String agent) {
        lines.opened(AgentId.of(agent), new AgentLines.Line(PBX, LegId.of("pbx1/session-" + agent)));
        router.agentStateChanged(AgentId.of(agent));
    }

    /** The agent makes themselves available through the API. */
    void agentBecomesAvailable(String agent) {
        states.put(agent, AgentState.AVAILABLE, clock.instant());
        router.agentStateChanged(AgentId.of(agent));
    }

    /** The agent API stores {@code state} for the agent and tells the router what it replaced. */
    void agentApiStores(String agent, AgentState state) {
        AgentStatus before = states.statusOf(agent);
        states.put(agent, state, clock.instant());
        router.agentStatusChanged(AgentId.of(agent), before, states.statusOf(agent));
    }

    RoutingWorld queue(String id, Duration ringTimeout, Duration wrapUp) {
        TaskQueue defaults = TaskQueue.of(QueueId.of(id), id, RoutingStrategy.LONGEST_IDLE);
        queues.put(QueueId.of(id), QueueSetup.of(new TaskQueue(defaults.id(), id, defaults.strategy(), List.of(),
                wrapUp, 0, Duration.ZERO, ringTimeout)));
        router.queueChanged(QueueId.of(id));
        return this;
    }

    /** An agent of {@code queue} who has been available for {@code idle}. */
    RoutingWorld available(String agent, String queue, Duration idle) {
        directory.put(Agents.member(agent, queue));
        states.put(agent, AgentState.AVAILABLE, clock.instant().minus(idle));
        router.queueChanged(QueueId.of(queue));
        return this;
    }

    RoutingWorld paused(String agent, String queue) {
        directory.put(Agents.member(agent, queue));
        states.put(agent, AgentState.PAUSED, clock.instant());
        router.queueChanged(QueueId.of(queue));
        return this;
    }

    void callArrives(String call, Optional<String> queueHint) {
        router.onEvent(new PbxEvent.CallOffered(PBX, clock.instant(), CallId.of(call), callerLeg(call),
                Optional.of(PhoneNumber.parse("+4930555123", "caller")), Did.of("100"), Optional.empty(),
                queueHint.map(QueueId::of)));
    }

    void agentPhoneIsNotAnswered(LegId agentLeg) {
        CallId call = pbx.rings.stream().filter(r -> r.agentLeg().equals(agentLeg)).findFirst().orElseThrow().call();
        clock.advance(Duration.ofSeconds(15));
        router.onEvent(new PbxEvent.LegHungUp(PBX, clock.instant(), call, agentLeg, HangupCause.NO_ANSWER));
        router.onEvent(new PbxEvent.CallReturnedToHold(PBX, clock.instant(), call, Optional.of(agentLeg),
                HoldReason.NO_ANSWER));
    }

    void agentAnswers(LegId agentLeg) {
        CallId call = pbx.rings.stream().filter(r -> r.agentLeg().equals(agentLeg)).findFirst().orElseThrow().call();
        clock.advance(Duration.ofSeconds(3));
        router.onEvent(new PbxEvent.LegAnswered(PBX, clock.instant(), call, agentLeg));
        router.onEvent(new PbxEvent.CallConnected(PBX, clock.instant(), call, callerLeg(call.value()), agentLeg));
    }

    void callerHangsUp(String call) {
        router.onEvent(new PbxEvent.LegHungUp(PBX, clock.instant(), CallId.of(call), callerLeg(call),
                HangupCause.NORMAL_CLEARING));
    }

    void agentHangsUp(LegId agentLeg) {
        CallId call = pbx.rings.stream().filter(r -> r.agentLeg().equals(agentLeg)).findFirst().orElseThrow().call();
        router.onEvent(new PbxEvent.LegHungUp(PBX, clock.instant(), call, agentLeg, HangupCause.NORMAL_CLEARING));
    }

    /** From now on the queue store answers only when {@link #setupsAnswer} is called, as a slow database would. */
    void setupsAreSlow() {
        holdQueueReads = true;
    }

    /** The queue store answers every read asked so far, in the order they were asked. */
    void setupsAnswer() {
        List<Runnable> due = List.copyOf(heldReads);
        heldReads.clear();
        due.forEach(Runnable::run);
    }

    void pbxReports(PbxEvent event) {
        router.onEvent(event);
    }

    void timersFire() {
        List<Runnable> due = List.copyOf(dueTimers);
        dueTimers.clear();
        due.forEach(Runnable::run);
    }

    /** Runs the timers due by the fake clock's time, in the order they were set; the others stay set. */
    void dueTimersFire() {
        List<Runnable> due = dueTimers.stream()
                .filter(t -> !timersDueAt.getOrDefault(t, clock.instant()).isAfter(clock.instant())).toList();
        dueTimers.removeAll(due);
        due.forEach(Runnable::run);
    }

    List<String> queueLog() {
        return journal.stream().map(e -> e.getClass().getSimpleName()).toList();
    }

    static LegId callerLeg(String call) {
        return LegId.of(call + "-caller");
    }
}
