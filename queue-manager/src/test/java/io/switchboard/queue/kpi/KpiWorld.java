package io.switchboard.queue.kpi;

import io.switchboard.core.agent.AgentState;
import io.switchboard.core.agent.AgentStatus;
import io.switchboard.core.call.Did;
import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;
import io.switchboard.core.id.PbxId;
import io.switchboard.core.id.QueueId;
import io.switchboard.queue.routing.JournalEntry;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** An engine on a fake clock, fed with calls and agent moves that read like the story they tell. */
final class KpiWorld {

    static final QueueId SUPPORT = QueueId.of("support");

    final FakeClock clock;
    final KpiEngine engine;
    private final Map<AgentId, AgentStatus> statuses = new HashMap<>();
    private final Map<String, Instant> entered = new HashMap<>();

    KpiWorld(Instant start) {
        this(start, KpiSettings.defaults());
    }

    KpiWorld(Instant start, KpiSettings settings) {
        this.clock = new FakeClock(start);
        this.engine = new KpiEngine(settings, clock, "test-salt".getBytes(StandardCharsets.US_ASCII));
    }

    void passes(Duration time) {
        clock.advance(time);
    }

    void callEnters(String call) {
        callEnters(call, SUPPORT, "+4930555" + Math.abs(call.hashCode() % 10000));
    }

    void callEnters(String call, QueueId queue, String caller) {
        entered.put(call, clock.instant());
        engine.onJournal(new JournalEntry.Entered(CallId.of(call), queue, clock.instant(), PbxId.of("sim"),
                LegId.of(call), Optional.of(PhoneNumber.parse(caller, "caller")), Did.of("100"), 1));
    }

    void agentAnswers(String agent, String call) {
        agentAnswers(agent, call, SUPPORT);
    }

    void agentAnswers(String agent, String call, QueueId queue) {
        Duration held = Duration.between(entered.get(call), clock.instant());
        engine.onJournal(new JournalEntry.Connected(CallId.of(call), queue, clock.instant(), AgentId.of(agent),
                LegId.of(call + "-" + agent), held, Duration.ofSeconds(2)));
    }

    void callerHangsUpWaiting(String call) {
        Duration waited = Duration.between(entered.get(call), clock.instant());
        engine.onJournal(new JournalEntry.Abandoned(CallId.of(call), SUPPORT, clock.instant(), LegId.of(call), 1, 1,
                waited));
    }

    void conversationEnds(String agent, String call, Duration talked) {
        engine.onJournal(new JournalEntry.Completed(CallId.of(call), SUPPORT, clock.instant(), AgentId.of(agent),
                LegId.of(call), LegId.of(call + "-" + agent), true, Duration.ZERO, talked, 1));
    }

    void agentIs(String agent, AgentState state) {
        AgentId id = AgentId.of(agent);
        AgentStatus current = statuses.getOrDefault(id, AgentStatus.initial(clock.instant()));
        AgentStatus next = new AgentStatus(state, Optional.empty(), clock.instant(), current.version() + 1);
        statuses.put(id, next);
        engine.onAgentStatus(id, next);
    }

    QueueFigures support(KpiWindow window) {
        return queue().windows().get(window);
    }

    QueueKpis queue() {
        return engine.queue(SUPPORT);
    }

    AgentFigures agent(String agent, KpiWindow window) {
        return engine.agent(AgentId.of(agent)).windows().get(window);
    }
}
