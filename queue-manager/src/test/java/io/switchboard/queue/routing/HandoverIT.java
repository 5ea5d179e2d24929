package io.switchboard.queue.routing;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.switchboard.core.agent.AgentState;
import io.switchboard.core.agent.AgentStatus;
import io.switchboard.core.call.Did;
import io.switchboard.core.call.HangupCause;
import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.event.PbxEvent;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;
import io.switchboard.core.id.PbxId;
import io.switchboard.core.id.QueueId;
import io.switchboard.core.port.StatusUpdate;
import io.switchboard.core.routing.RoutingStrategy;
import io.switchboard.core.routing.TaskQueue;
import io.switchboard.queue.selection.QueueSetup;
import io.switchboard.queue.state.HazelcastAgentStateStore;
import io.switchboard.queue.state.HazelcastCallsInFlight;
import io.switchboard.queue.state.LoopbackMembers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes on two Hazelcast members: node A routes its PBX's callers (one talking, one ringing, two waiting) and
 * keeps them in the cluster's calls map, then its member is terminated without any clean-up, as a node dies; node
 * B takes the PBX's calls over from the map's backups and receives the PBX's resync. Every call is entered once and
 * ended once over both nodes' journals, and the agents end where they should.
 */
class HandoverIT {

    private static final PbxId PBX = PbxId.of("pbx-a");
    private static final QueueId QUEUE = QueueId.of("support");

    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService reads = Executors.newSingleThreadExecutor();
    private HazelcastInstance memberA;
    private HazelcastInstance memberB;
    private Node a;
    private Node b;

    @BeforeEach
    void formCluster() throws Exception {
        String cluster = "handover-" + UUID.randomUUID();
        memberA = Hazelcast.newHazelcastInstance(LoopbackMembers.member(cluster, 15801));
        memberB = Hazelcast.newHazelcastInstance(LoopbackMembers.member(cluster, 15801));
        assertThat(memberA.getCluster().getMembers()).hasSize(2);
        HazelcastAgentStateStore store = new HazelcastAgentStateStore(memberA);
        Instant now = Instant.now();
        for (String agent : List.of("a1", "a2")) {
            Instant since = now.minus(agent.equals("a1") ? Duration.ofMinutes(9) : Duration.ofMinutes(5));
            AgentStatus available = AgentStatus.initial(since).moveTo(AgentState.AVAILABLE, since).orElseThrow();
            assertThat(store.compareAndSet(AgentId.of(agent), 0, available).toCompletableFuture().get())
                    .isInstanceOf(StatusUpdate.Stored.class);
        }
        a = new Node(memberA);
        b = new Node(memberB);
    }

    @AfterEach
    void stop() {
        a.context.shutdownNow();
        b.context.shutdownNow();
        timers.shutdownNow();
        reads.shutdownNow();
        memberB.shutdown();
        memberA.getLifecycleService().terminate();
    }

    @Test
    void a_dead_nodes_calls_are_carried_on_by_the_next_owner_entered_once_and_ended_once() throws Exception {
        a.pbxReports(offered("c1"));
        await("a1 rung for c1", () -> a.on(() -> a.pbx.rings.size() == 1));
        LegId talking = a.on(() -> a.pbx.lastRing().agentLeg());
        a.pbxReports(new PbxEvent.CallConnected(PBX, Instant.now(), CallId.of("c1"), callerLeg("c1"), talking));
        a.pbxReports(offered("c2"));
        await("a2 rung for c2", () -> a.on(() -> a.pbx.rings.size() == 2));
        a.pbxReports(offered("c3"));
        a.pbxReports(offered("c4"));
        HazelcastCallsInFlight seenFromB = new HazelcastCallsInFlight(memberB, reads);
        await("A's four calls kept, c1 talking and c2 ringing", () -> {
            Map<String, HeldCall> held = heldOn(seenFromB);
            return held.size() == 4 && held.get("c1").connectedAt().isPresent() && held.get("c2").offers().size() == 1;
        });

        memberA.getLifecycleService().terminate();
        await("B alone", () -> memberB.getCluster().getMembers().size() == 1);
        List<HeldCall> held = b.store.of(PBX).toCompletableFuture().get(10, TimeUnit.SECONDS);
        b.context.submit(() -> b.router.takeOver(PBX, held)).get();
        b.pbxReports(new PbxEvent.PbxResynced(PBX, Instant.now(), Set.of(callerLeg("c1"), callerLeg("c2"),
                callerLeg("c3"), LegId.of("pbx-a/1732438800.9"))));
        b.pbxReports(offered("c3"));
        b.pbxReports(new PbxEvent.LegHungUp(PBX, Instant.now(), CallId.of("c1"), callerLeg("c1"),
                HangupCause.NORMAL_CLEARING));
        await("a1 rung for c3 after the wrap-up", () -> b.on(() -> b.pbx.rings.stream()
                .anyMatch(ring -> ring.call().equals(CallId.of("c3")) && ring.device().equals("SIP/a1"))));

        List<JournalEntry> both = new CopyOnWriteArrayList<>(a.journal);
        both.addAll(b.journal);
        assertThat(counted(both, JournalEntry.Entered.class)).isEqualTo(Map.of("c1", 1L, "c2", 1L, "c3", 1L,
                "c4", 1L));
        assertThat(counted(both, JournalEntry.Completed.class)).isEqualTo(Map.of("c1", 1L));
        assertThat(counted(both, JournalEntry.Abandoned.class)).isEqualTo(Map.of("c4", 1L));
        assertThat(b.on(() -> b.pbx.rings.stream().map(ring -> ring.call().value() + ">" + ring.device()).toList()))
                .as("the lost ring's agent rung again for c2 by B, then a1 for c3").containsExactly("c2>SIP/a2",
                        "c3>SIP/a1");
        HazelcastAgentStateStore states = new HazelcastAgentStateStore(memberB);
        assertThat(states.read(AgentId.of("a1")).toCompletableFuture().get()).get()
                .extracting(AgentStatus::state).isEqualTo(AgentState.RESERVED);
        assertThat(heldOn(seenFromB).keySet()).containsExactlyInAnyOrder("c2", "c3");
    }

    private static Map<String, HeldCall> heldOn(HazelcastCallsInFlight store) throws Exception {
        return store.of(PBX).toCompletableFuture().get(10, TimeUnit.SECONDS).stream()
                .collect(Collectors.toMap(call -> call.call().value(), call -> call));
    }

    private static Map<String, Long> counted(List<JournalEntry> entries, Class<? extends JournalEntry.CallStep> type) {
        return entries.stream().filter(type::isInstance).map(type::cast)
                .collect(Collectors.groupingBy(step -> step.call().value(), Collectors.counting()));
    }

    private static PbxEvent offered(String call) {
        return new PbxEvent.CallOffered(PBX, Instant.now(), CallId.of(call), callerLeg(call),
                Optional.of(PhoneNumber.parse("+4930555123", "caller")), Did.of("100"), Optional.empty(),
                Optional.of(QUEUE));
    }

    private static LegId callerLeg(String call) {
        return LegId.of(call + "-caller");
    }

    private static void await(String what, Callable<Boolean> condition) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.call()) {
            assertThat(System.nanoTime()).as("waited for: " + what).isLessThan(until);
            Thread.sleep(20);
        }
    }

    /** One node: a router on its own single-thread context, its member's agent states and calls map. */
    private final class Node {

        final ExecutorService context = Executors.newSingleThreadExecutor();
        final RecordingCallControl pbx = new RecordingCallControl();
        final List<JournalEntry> journal = new CopyOnWriteArrayList<>();
        final HazelcastCallsInFlight store;
        final InboundRouter router;

        Node(HazelcastInstance member) {
            MapAgentDirectory directory = new MapAgentDirectory();
            directory.put(Agents.member("a1", QUEUE.value()));
            directory.put(Agents.member("a2", QUEUE.value()));
            TaskQueue queue = new TaskQueue(QUEUE, "support", RoutingStrategy.LONGEST_IDLE, List.of(),
                    Duration.ofMillis(300), 0, Duration.ZERO, Duration.ofSeconds(15));
            TaskQueues queues = new TaskQueues() {
                @Override
                public CompletionStage<Optional<TaskQueue>> find(QueueId id) {
                    return CompletableFuture.completedFuture(Optional.of(queue));
                }

                @Override
                public CompletionStage<Optional<QueueSetup>> setup(QueueId id) {
                    return CompletableFuture.completedFuture(Optional.of(QueueSetup.of(queue)));
                }
            };
            HazelcastAgentStateStore states = new HazelcastAgentStateStore(member);
            InstantSource clock = InstantSource.system();
            this.store = new HazelcastCallsInFlight(member, reads);
            this.router = new InboundRouter(directory, queues, states, id -> Optional.of(pbx), entry -> {
                journal.add(entry);
                return CompletableFuture.completedFuture(null);
            }, (delay, action) -> timers.schedule(() -> context.execute(action), delay.toMillis(),
                    TimeUnit.MILLISECONDS), clock, context, new AgentMoves(states, clock, context), new AgentLines(),
                    new InboundRules(0, ZoneOffset.UTC));
            context.execute(() -> router.keepCallsIn(store));
        }

        void pbxReports(PbxEvent event) throws Exception {
            context.submit(() -> router.onEvent(event)).get();
        }

        <T> T on(Callable<T> read) throws Exception {
            return context.submit(read).get();
        }
    }
}
