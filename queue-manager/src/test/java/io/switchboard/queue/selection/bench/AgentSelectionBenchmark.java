package io.switchboard.queue.selection.bench;

import io.switchboard.core.agent.Agent;
import io.switchboard.core.agent.AgentState;
import io.switchboard.core.agent.QueueMembership;
import io.switchboard.core.agent.Skill;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.PbxId;
import io.switchboard.core.id.QueueId;
import io.switchboard.core.id.TaskId;
import io.switchboard.core.routing.AgentTarget;
import io.switchboard.core.routing.PreferredAgent;
import io.switchboard.core.routing.RoutingStrategy;
import io.switchboard.core.routing.SkillRequirement;
import io.switchboard.core.routing.Task;
import io.switchboard.core.routing.TaskQueue;
import io.switchboard.core.routing.Workflow;
import io.switchboard.core.routing.WorkflowStep;
import io.switchboard.queue.selection.AgentPool;
import io.switchboard.queue.selection.AgentScope;
import io.switchboard.queue.selection.PbxReach;
import io.switchboard.queue.selection.AgentSnapshot;
import io.switchboard.queue.selection.QueueSetup;
import io.switchboard.queue.selection.RoundRobinMemory;
import io.switchboard.queue.selection.Selection;
import io.switchboard.queue.selection.Selector;
import io.switchboard.queue.selection.WaitingTask;
import io.switchboard.queue.selection.WaitingTasks;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Agent selection in a contact centre of 500 agents (each in 5 of 100 queues, 30 % available), 100 queues
 * (every strategy ten times, each with a three-step skills workflow whose first step is skipped when no
 * expert is free) and 200 waiting calls (one in ten with a preferred agent): the time of one decision when a
 * call arrives, when an agent becomes free, and of one agent's change in the index; on one PBX, or on two sharing
 * the pool ({@link #pbxs}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AgentSelectionBenchmark {

    private static final int AGENTS = 500;
    private static final int QUEUES = 100;
    private static final int WAITING = 200;
    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    /**
     * How many PBXs share the pool: with 2, agents and calls alternate between two PBXs joined by trunks both
     * ways and every other queue offers its callers to agents on either ({@code agentScope} {@code any}).
     */
    @Param({"1", "2"})
    public int pbxs;

    private final SplittableRandom draw = new SplittableRandom(42);
    private final Selector selector = new Selector(InstantSource.fixed(NOW), new SplittableRandom(7));
    private AgentPool pool;
    private WaitingTasks tasks;
    private final List<WaitingTask> waiting = new ArrayList<>();
    private final List<AgentId> available = new ArrayList<>();
    private final List<AgentSnapshot[]> changes = new ArrayList<>();
    private int next;

    @Setup
    public void buildContactCentre() {
        List<QueueSetup> setups = new ArrayList<>();
        RoutingStrategy[] strategies = RoutingStrategy.values();
        for (int q = 0; q < QUEUES; q++) {
            QueueId id = QueueId.of("q" + q);
            String skill = "skill" + (q % 20);
            Workflow workflow = new Workflow("w" + q, List.of(
                    new WorkflowStep(id, 0, Duration.ofSeconds(20)).targeting(AgentTarget.skills(SkillRequirement.of(skill, 7)))
                            .skippedWhenNoneAvailable(),
                    new WorkflowStep(id, 1, Duration.ofSeconds(40)).targeting(AgentTarget.skills(SkillRequirement.of(skill, 3))),
                    new WorkflowStep(id, 2, Duration.ZERO)));
            setups.add(QueueSetup.of(TaskQueue.of(id, "queue " + q, strategies[q % strategies.length])).withWorkflow(workflow)
                    .withAgentScope(q % 2 == 0 ? AgentScope.ANY : AgentScope.LOCAL));
        }
        pool = new AgentPool(setups);
        pool.reach(new PbxReach(Map.of(PbxId.of("a"), Map.of(PbxId.of("b"), "PJSIP/{device}@trunk-b"),
                PbxId.of("b"), Map.of(PbxId.of("a"), "PJSIP/{device}@trunk-a")), Map.of()));
        tasks = new WaitingTasks(pool);
        for (int a = 0; a < AGENTS; a++) {
            AgentSnapshot free = agent(a, AgentState.AVAILABLE);
            AgentSnapshot busy = agent(a, AgentState.ON_CALL);
            boolean isFree = draw.nextInt(10) < 3;
            pool.put(isFree ? free : busy);
            if (isFree) {
                available.add(free.id());
            }
            changes.add(new AgentSnapshot[] {free, busy});
        }
        for (int t = 0; t < WAITING; t++) {
            Task task = Task.inboundCall(TaskId.of("t" + t), CallId.of("c" + t), Optional.empty(),
                    QueueId.of("q" + draw.nextInt(QUEUES)), draw.nextInt(4), NOW.minusSeconds(draw.nextInt(120)), Map.of());
            WaitingTask entry = WaitingTask.of(task).on(pbx(t));
            if (t % 10 == 0) {
                entry = entry.preferring(new PreferredAgent(AgentId.of("a" + draw.nextInt(AGENTS)), NOW.plusSeconds(20)));
            }
            waiting.add(entry);
            tasks.put(entry);
        }
    }

    private AgentSnapshot agent(int index, AgentState state) {
        SplittableRandom own = new SplittableRandom(index);
        Set<QueueId> queues = new LinkedHashSet<>();
        while (queues.size() < 5) {
            queues.add(QueueId.of("q" + own.nextInt(QUEUES)));
        }
        List<QueueMembership> memberships = queues.stream().map(q -> new QueueMembership(q, own.nextInt(3))).toList();
        Map<String, Skill> skills = new HashMap<>();
        for (int s = 0; s < 3; s++) {
            String name = "skill" + own.nextInt(20);
            skills.put(name, Skill.of(name, 1 + own.nextInt(10)));
        }
        Map<QueueId, Instant> lastEnd = new HashMap<>();
        Map<QueueId, Integer> calls = new HashMap<>();
        for (QueueId queue : queues) {
            lastEnd.put(queue, NOW.minusSeconds(own.nextInt(3600)));
            calls.put(queue, own.nextInt(40));
        }
        Agent agent = new Agent(AgentId.of("a" + index), "Agent " + index, List.copyOf(skills.values()), memberships,
                Agent.VOICE_ONLY, Optional.of("PJSIP/" + index));
        return new AgentSnapshot(agent, state, NOW.minusSeconds(own.nextInt(600)), lastEnd, calls,
                Duration.ofSeconds(own.nextInt(20_000)), false, false, Optional.of(pbx(index)));
    }

    /** The PBX of the agent or call numbered {@code index}: the one PBX, or alternately the two. */
    private PbxId pbx(int index) {
        return PbxId.of(pbxs == 1 ? "a" : index % 2 == 0 ? "a" : "b");
    }

    /** A call arrives (or its situation changed): whom to offer it to. */
    @Benchmark
    public Selection agentForTask() {
        next = (next + 1) % WAITING;
        return selector.agentFor(waiting.get(next), pool, RoundRobinMemory.EMPTY);
    }

    /** An agent becomes free: which waiting call of all their queues to offer them. */
    @Benchmark
    public Selection taskForFreeAgent() {
        next = (next + 1) % available.size();
        return selector.taskFor(available.get(next), pool, tasks, RoundRobinMemory.EMPTY);
    }

    /** One agent's state changes: the index follows. */
    @Benchmark
    public AgentPool agentChange() {
        next = (next + 1) % (2 * AGENTS);
        pool.put(changes.get(next / 2)[next % 2]);
        return pool;
    }
}
