package io.switchboard.queue.routing;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.switchboard.core.agent.AgentState;
import io.switchboard.core.agent.AgentStatus;
import io.switchboard.core.call.Did;
import io.switchboard.core.call.HangupCause;
import io.switchboard.core.call.HoldReason;
import io.switchboard.core.event.PbxEvent;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;
import io.switchboard.core.id.PbxId;
import io.switchboard.core.id.QueueId;
import io.switchboard.core.port.CallControl;
import io.switchboard.core.port.CommandResult;
import io.switchboard.core.port.StatusUpdate;
import io.switchboard.core.routing.RoutingStrategy;
import io.switchboard.core.routing.TaskQueue;
import io.switchboard.queue.selection.QueueSetup;
import io.switchboard.queue.state.AgentChangesElsewhere;
import io.switchboard.queue.state.HazelcastAgentStateStore;
import io.switchboard.queue.state.LoopbackMembers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes, each an {@link InboundRouter} on its own Hazelcast member and its own context, routing their own
 * PBX's callers to the same agents at the same time: calls arrive on both at once, agents miss some rings and
 * take the others, and each agent freed on one node is at once wanted by the waiting callers of both. A shared
 * record of the phones now ringing or talking sees every ring of both routers: no agent's phone is ever rung for
 * a second call while it still rings or talks for the first.
 */
class TwoRoutersRacingIT {

    private static final QueueId QUEUE = QueueId.of("support");
    private static final int AGENTS = 8;
    private static final int CALLS_PER_NODE = 150;

    private final Map<String, CallId> busyPhones = new ConcurrentHashMap<>();
    private final List<String> doubleBookings = new CopyOnWriteArrayList<>();
    private final AtomicInteger rings = new AtomicInteger();
    private final AtomicInteger completed = new AtomicInteger();
    private final ScheduledExecutorService phones = Executors.newScheduledThreadPool(2);
    private HazelcastInstance firstMember;
    private HazelcastInstance secondMember;
    private Node first;
    private Node second;

    @BeforeEach
    void formCluster() throws Exception {
        String cluster = "routers-" + UUID.randomUUID();
        firstMember = Hazelcast.newHazelcastInstance(LoopbackMembers.member(cluster, 15751));
        secondMember = Hazelcast.newHazelcastInstance(LoopbackMembers.member(cluster, 15751));
        assertThat(firstMember.getCluster().getMembers()).hasSize(2);
        HazelcastAgentStateStore store = new HazelcastAgentStateStore(firstMember);
        Instant now = Instant.now();
        for (int i = 0; i < AGENTS; i++) {
            AgentStatus available = AgentStatus.initial(now).moveTo(AgentState.AVAILABLE, now).orElseThrow();
            assertThat(store.compareAndSet(AgentId.of("a" + i), 0, available).toCompletableFuture().get())
                    .isInstanceOf(StatusUpdate.Stored.class);
        }
        first = new Node("pbx-a", firstMember);
        second = new Node("pbx-b", secondMember);
    }

    @AfterEach
    void stop() {
        first.close();
        second.close();
        phones.shutdownNow();
        secondMember.shutdown();
        firstMember.shutdown();
    }

    @Test
    void no_agent_is_rung_for_a_second_call_while_busy_with_a_first_when_two_routers_race_for_them()
            throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pbxes = Executors.newFixedThreadPool(2);
        for (Node node : List.of(first, second)) {
            pbxes.execute(() -> node.offerCalls(start));
        }
        start.countDown();
        pbxes.shutdown();

        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (completed.get() < 2 * CALLS_PER_NODE && System.nanoTime() < until && doubleBookings.isEmpty()) {
            Thread.sleep(20);
        }

        assertThat(doubleBookings).as("phones rung while busy").isEmpty();
        assertThat(completed.get()).as("calls completed by both nodes; left: %s", leftOver())
                .isEqualTo(2 * CALLS_PER_NODE);
        assertThat(rings.get()).as("rings, with the misses").isGreaterThan(2 * CALLS_PER_NODE);
        assertThat(first.rung).as("the first node rang agents").isPositive();
        assertThat(second.rung).as("the second node rang agents").isPositive();
    }

    /** What is left when calls were not completed: each node's tasks and every agent's stored status. */
    private String leftOver() throws Exception {
        StringBuilder left = new StringBuilder();
        for (Node node : List.of(first, second)) {
            List<String> tasks = node.context.submit(() -> node.router.tasks().stream()
                    .map(task -> task.id().value() + " " + task.status()).toList()).get();
            left.append(node.pbx.value()).append(' ').append(tasks).append("; ");
        }
        HazelcastAgentStateStore store = new HazelcastAgentStateStore(firstMember);
        for (int i = 0; i < AGENTS; i++) {
            AgentStatus status = store.read(AgentId.of("a" + i)).toCompletableFuture().get().orElseThrow();
            left.append("a").append(i).append('=').append(status.state()).append(" v").append(status.version())
                    .append(' ');
        }
        return left.toString();
    }

    /** One Switchboard node: a router on its own single-thread context, its member's store, its own PBX. */
    private final class Node {

        final PbxId pbx;
        final ExecutorService context;
        final InboundRouter router;
        final AgentChangesElsewhere changes;
        volatile int rung;

        Node(String pbx, HazelcastInstance member) {
            this.pbx = PbxId.of(pbx);
            this.context = Executors.newSingleThreadExecutor();
            MapAgentDirectory directory = new MapAgentDirectory();
            for (int i = 0; i < AGENTS; i++) {
                directory.put(Agents.member("a" + i, QUEUE.value()));
            }
            TaskQueue queue = new TaskQueue(QUEUE, "support", RoutingStrategy.LONGEST_IDLE, List.of(), Duration.ZERO,
                    0, Duration.ZERO, Duration.ofSeconds(15));
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
            CallControl control = phoneSystem(new RecordingCallControl());
            this.router = new InboundRouter(directory, queues, states, id -> Optional.of(control), entry -> {
                if (entry instanceof JournalEntry.Completed) {
                    completed.incrementAndGet();
                }
                return CompletableFuture.completedFuture(null);
            }, (delay, action) -> phones.schedule(() -> context.execute(action), delay.toMillis(),
                    TimeUnit.MILLISECONDS), clock, context, new AgentMoves(states, clock, context), new AgentLines(),
                    new InboundRules(0, ZoneOffset.UTC));
            this.changes = AgentChangesElsewhere.listen(member, context, router::agentStateChanged);
        }

        /** The PBX offers its callers as fast as it can, each handed to the router's context. */
        void offerCalls(CountDownLatch start) {
            try {
                start.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            for (int i = 0; i < CALLS_PER_NODE; i++) {
                CallId call = CallId.of(pbx.value() + "-c" + i);
                PbxEvent offered = new PbxEvent.CallOffered(pbx, Instant.now(), call, callerLeg(call),
                        Optional.empty(), Did.of("100"), Optional.empty(), Optional.of(QUEUE));
                context.execute(() -> router.onEvent(offered));
            }
        }

        /**
         * The node's PBX: every accepted ring marks the agent's phone busy (a phone already busy is a double
         * booking); a moment later the agent misses it (one ring in three) or answers and talks briefly. The phone
         * is free again before the PBX reports the miss or the caller's hang-up, so the router can only free the
         * agent after the phone is free.
         */
        private CallControl phoneSystem(RecordingCallControl accepting) {
            return (CallControl) Proxy.newProxyInstance(CallControl.class.getClassLoader(),
                    new Class<?>[] {CallControl.class}, (proxy, method, args) -> {
                        if (method.getName().equals("connectToAgent")) {
                            ring((CallId) args[0], (LegId) args[1], (String) args[2]);
                            return CompletableFuture.completedFuture(CommandResult.ACCEPTED);
                        }
                        return method.invoke(accepting, args);
                    });
        }

        private void ring(CallId call, LegId agentLeg, String device) {
            rings.incrementAndGet();
            rung++;
            CallId before = busyPhones.putIfAbsent(device, call);
            if (before != null) {
                doubleBookings.add(device + " rung for " + call + " while busy with " + before);
            }
            boolean misses = ThreadLocalRandom.current().nextInt(3) == 0;
            later(() -> {
                if (misses) {
                    busyPhones.remove(device, call);
                    router.onEvent(new PbxEvent.LegHungUp(pbx, Instant.now(), call, agentLeg, HangupCause.NO_ANSWER));
                    router.onEvent(new PbxEvent.CallReturnedToHold(pbx, Instant.now(), call, Optional.of(agentLeg),
                            HoldReason.NO_ANSWER));
                    return;
                }
                router.onEvent(new PbxEvent.CallConnected(pbx, Instant.now(), call, callerLeg(call), agentLeg));
                later(() -> {
                    busyPhones.remove(device, call);
                    router.onEvent(new PbxEvent.LegHungUp(pbx, Instant.now(), call, callerLeg(call),
                            HangupCause.NORMAL_CLEARING));
                });
            });
        }

        private void later(Runnable onContext) {
            phones.schedule(() -> context.execute(onContext), ThreadLocalRandom.current().nextInt(3),
                    TimeUnit.MILLISECONDS);
        }

        void close() {
            changes.close();
            context.shutdownNow();
        }
    }

    private static LegId callerLeg(CallId call) {
        return LegId.of(call.value() + "-caller");
    }
}
