package io.switchboard.queue.bench;

import io.switchboard.core.agent.Agent;
import io.switchboard.core.agent.AgentState;
import io.switchboard.core.agent.AgentStatus;
import io.switchboard.core.agent.QueueMembership;
import io.switchboard.core.agent.Skill;
import io.switchboard.core.call.Did;
import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;
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
import io.switchboard.queue.kpi.KpiEngine;
import io.switchboard.queue.kpi.KpiSettings;
import io.switchboard.queue.routing.JournalEntry;
import io.switchboard.queue.selection.QueueSetup;
import io.switchboard.queue.selection.WaitingTask;

import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import javax.management.JMException;
import javax.management.ObjectName;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Retained heap of one node's ACD state for a large contact centre: 10,000 agents (each in 5 of 2,000 queues,
 * three skills, 30 % available, five calls already taken today) and 2,000 queues (every strategy, each with a
 * three-step skills workflow), with 2,000 calls waiting. Loads the router's {@link RouterState} (its
 * {@code AgentBook}, which keeps the {@code AgentPool} and {@code WaitingTasks}, and its {@code AgentStats})
 * and the {@link KpiEngine} fed with every call's journal steps and every agent's status, then prints the heap
 * used after full collections minus the heap used before loading, the time to load, and the time of one
 * queue's setup change once everything is loaded.
 *
 * <p>Usage: {@code java -Xmx512m -cp ... io.switchboard.queue.bench.AcdHeap [agents queues waiting]};
 * {@code -Dacd.heap.histogram=true} also prints the largest classes of live objects at the end.
 */
public final class AcdHeap {

    private static final Instant NOW = Instant.parse("2026-03-02T14:00:00Z");
    private static final int QUEUES_PER_AGENT = 5;
    private static final int SKILLS = 50;
    private static final double MIB = 1024.0 * 1024.0;

    private final int agents;
    private final int queues;
    private final int waiting;
    private final SplittableRandom draw = new SplittableRandom(42);

    private AcdHeap(int agents, int queues, int waiting) {
        this.agents = agents;
        this.queues = queues;
        this.waiting = waiting;
    }

    public static void main(String[] args) throws Exception {
        int agents = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int queues = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        int waiting = args.length > 2 ? Integer.parseInt(args[2]) : 2_000;

        // a small centre first, dropped: loads the classes and libphonenumber's metadata before the baseline
        AcdHeap warmUp = new AcdHeap(100, 20, 20);
        Reference.reachabilityFence(warmUp.kpis(warmUp.router()));

        long baseline = usedAfterGc();
        AcdHeap centre = new AcdHeap(agents, queues, waiting);
        long start = System.nanoTime();
        RouterState router = centre.router();
        long routerNanos = System.nanoTime() - start;
        long withRouter = usedAfterGc();
        start = System.nanoTime();
        KpiEngine kpis = centre.kpis(router);
        long kpiNanos = System.nanoTime() - start;
        long withKpis = usedAfterGc();

        System.out.printf("agents=%d queues=%d waiting=%d max heap=%.0f MiB%n", agents, queues, waiting,
                Runtime.getRuntime().maxMemory() / MIB);
        System.out.printf("router (AgentBook with AgentPool, WaitingTasks; AgentStats): %.1f MiB, loaded in %.2f s%n",
                (withRouter - baseline) / MIB, routerNanos / 1e9);
        System.out.printf("KpiEngine: %.1f MiB, loaded in %.2f s%n", (withKpis - withRouter) / MIB, kpiNanos / 1e9);
        System.out.printf("ACD state retained: %.1f MiB, loaded in %.2f s%n", (withKpis - baseline) / MIB,
                (routerNanos + kpiNanos) / 1e9);
        System.out.printf("one queue's setup changed, its members and waiting tasks re-indexed: %.2f ms (median of the last 100 of 400)%n",
                centre.queueChange(router) / 1e6);
        if (Boolean.getBoolean("acd.heap.histogram")) {
            printHistogram(20);
        }
        Reference.reachabilityFence(router);
        Reference.reachabilityFence(kpis);
    }

    /** The live objects by class, largest first ({@code jcmd GC.class_histogram} from inside). */
    private static void printHistogram(int lines) throws JMException {
        String histogram = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
        histogram.lines().limit(lines + 3L).forEach(System.out::println);
    }

    /** The router's state: queues set up, agents known with today's statistics, calls waiting. */
    private RouterState router() throws ReflectiveOperationException {
        RouterState router = new RouterState(InstantSource.fixed(NOW), ZoneOffset.UTC);
        for (int a = 0; a < agents; a++) {
            for (QueueId queue : queuesOf(a)) {
                router.took(AgentId.of("a" + a), queue, NOW.minusSeconds(600 + draw.nextInt(3600)));
                router.finished(AgentId.of("a" + a), queue, Duration.ofSeconds(30 + draw.nextInt(600)),
                        NOW.minusSeconds(draw.nextInt(600)));
            }
        }
        RoutingStrategy[] strategies = RoutingStrategy.values();
        for (int q = 0; q < queues; q++) {
            router.queue(setup(q, strategies[q % strategies.length]));
        }
        for (int a = 0; a < agents; a++) {
            AgentState state = draw.nextInt(10) < 3 ? AgentState.AVAILABLE : AgentState.ON_CALL;
            router.agent(agent(a), new AgentStatus(state, Optional.empty(), NOW.minusSeconds(draw.nextInt(600)), 3),
                    false);
        }
        for (int t = 0; t < waiting; t++) {
            Task task = Task.inboundCall(TaskId.of("t" + t), CallId.of("w" + t), Optional.empty(),
                    QueueId.of("q" + draw.nextInt(queues)), draw.nextInt(4), NOW.minusSeconds(draw.nextInt(120)),
                    Map.of());
            WaitingTask entry = WaitingTask.of(task);
            if (t % 10 == 0) {
                entry = entry.preferring(new PreferredAgent(AgentId.of("a" + draw.nextInt(agents)), NOW.plusSeconds(20)));
            }
            router.waiting(entry);
        }
        return router;
    }

    /**
     * Nanoseconds (median of the last 100 of 400, so the path is compiled as on a running node) of one queue's
     * setup changing once everything is loaded: the router re-ranks that queue's members and re-puts its waiting
     * tasks, as it also does when it first sees a queue. Each round changes the setup, so nothing is skipped.
     */
    private long queueChange(RouterState router) {
        RoutingStrategy[] strategies = RoutingStrategy.values();
        long[] times = new long[100];
        for (int i = 0; i < 400; i++) {
            QueueSetup changed = setup(i % queues, strategies[i % strategies.length])
                    .withRingInterval(Duration.ofSeconds(15 + i));
            long start = System.nanoTime();
            router.queue(changed);
            long took = System.nanoTime() - start;
            if (i >= 300) {
                times[i - 300] = took;
            }
        }
        Arrays.sort(times);
        return times[times.length / 2];
    }

    /** The KPIs of the same day: every agent's calls (entered, connected, completed), every status, every waiting call. */
    private KpiEngine kpis(RouterState router) {
        KpiEngine engine = new KpiEngine(KpiSettings.defaults().inZone(ZoneOffset.UTC), InstantSource.fixed(NOW));
        for (int q = 0; q < queues; q++) {
            engine.judge(QueueId.of("q" + q), Duration.ofSeconds(20 + q % 3 * 10));
        }
        int call = 0;
        for (int a = 0; a < agents; a++) {
            AgentId agent = AgentId.of("a" + a);
            for (QueueId queue : queuesOf(a)) {
                String id = "c" + call++;
                Instant entered = NOW.minusSeconds(900 + draw.nextInt(20_000));
                Duration held = Duration.ofSeconds(draw.nextInt(90));
                Duration talked = Duration.ofSeconds(30 + draw.nextInt(600));
                engine.onJournal(entered(id, queue, entered, call));
                engine.onJournal(new JournalEntry.Connected(CallId.of(id), queue, entered.plus(held), agent,
                        LegId.of(id + "-" + a), held, Duration.ofSeconds(3)));
                engine.onJournal(new JournalEntry.Completed(CallId.of(id), queue, entered.plus(held).plus(talked),
                        agent, LegId.of(id), LegId.of(id + "-" + a), true, held, talked, 1));
            }
            AgentState state = router.isOfferable(agent) ? AgentState.AVAILABLE : AgentState.ON_CALL;
            engine.onAgentStatus(agent, new AgentStatus(state, Optional.empty(), NOW.minusSeconds(60), 3));
        }
        for (int t = 0; t < waiting; t++) {
            engine.onJournal(entered("w" + t, QueueId.of("q" + draw.nextInt(queues)),
                    NOW.minusSeconds(draw.nextInt(120)), call++));
        }
        return engine;
    }

    private static JournalEntry.Entered entered(String id, QueueId queue, Instant at, int caller) {
        PhoneNumber number = PhoneNumber.parse("+4930" + (1_000_000 + caller % 9_000_000), "caller");
        return new JournalEntry.Entered(CallId.of(id), queue, at, PbxId.of("pbx1"), LegId.of(id), Optional.of(number),
                Did.of("100"), 1);
    }

    private QueueSetup setup(int q, RoutingStrategy strategy) {
        QueueId id = QueueId.of("q" + q);
        String skill = "skill" + q % SKILLS;
        Workflow workflow = new Workflow("w" + q, List.of(
                new WorkflowStep(id, 0, Duration.ofSeconds(20))
                        .targeting(AgentTarget.skills(SkillRequirement.of(skill, 7))).skippedWhenNoneAvailable(),
                new WorkflowStep(id, 1, Duration.ofSeconds(40))
                        .targeting(AgentTarget.skills(SkillRequirement.of(skill, 3))),
                new WorkflowStep(id, 2, Duration.ZERO)));
        return QueueSetup.of(TaskQueue.of(id, "queue " + q, strategy)).withWorkflow(workflow);
    }

    private Agent agent(int index) {
        SplittableRandom own = new SplittableRandom(index);
        List<QueueMembership> memberships = queuesOf(index).stream()
                .map(q -> new QueueMembership(q, own.nextInt(3))).toList();
        Map<String, Skill> skills = new HashMap<>();
        while (skills.size() < 3) {
            String name = "skill" + own.nextInt(SKILLS);
            skills.put(name, Skill.of(name, 1 + own.nextInt(10)));
        }
        return new Agent(AgentId.of("a" + index), "Agent " + index, List.copyOf(skills.values()), memberships,
                Agent.VOICE_ONLY, Optional.of("PJSIP/" + index));
    }

    /** The agent's five queues, the same on every call. */
    private Set<QueueId> queuesOf(int agent) {
        SplittableRandom own = new SplittableRandom(~agent);
        Set<QueueId> chosen = new LinkedHashSet<>();
        while (chosen.size() < Math.min(QUEUES_PER_AGENT, queues)) {
            chosen.add(QueueId.of("q" + own.nextInt(queues)));
        }
        return chosen;
    }

    private static long usedAfterGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(50);
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
