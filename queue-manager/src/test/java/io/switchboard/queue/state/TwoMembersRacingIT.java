package io.switchboard.queue.state;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.switchboard.core.agent.AgentState;
import io.switchboard.core.agent.AgentStatus;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.port.StatusUpdate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two cluster members, several threads on each, all trying to reserve the same
 * available agents at once: each agent must be reserved exactly once.
 */
class TwoMembersRacingIT {

    private static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");
    private static final int AGENTS = 200;
    private static final int RACERS_PER_MEMBER = 4;

    private static HazelcastInstance first;
    private static HazelcastInstance second;

    @BeforeAll
    static void formCluster() {
        String cluster = "race-" + UUID.randomUUID();
        first = Hazelcast.newHazelcastInstance(LoopbackMembers.member(cluster, 15701));
        second = Hazelcast.newHazelcastInstance(LoopbackMembers.member(cluster, 15701));
        assertThat(first.getCluster().getMembers()).hasSize(2);
    }

    @AfterAll
    static void stopCluster() {
        second.shutdown();
        first.shutdown();
    }

    @Test
    void no_agent_is_reserved_twice_when_both_members_race_for_every_agent() throws Exception {
        HazelcastAgentStateStore onFirst = new HazelcastAgentStateStore(first);
        HazelcastAgentStateStore onSecond = new HazelcastAgentStateStore(second);
        List<AgentId> agents = new ArrayList<>();
        for (int i = 0; i < AGENTS; i++) {
            AgentId agent = AgentId.of("agent-" + i);
            AgentStatus available = AgentStatus.initial(NOW).moveTo(AgentState.AVAILABLE, NOW).orElseThrow();
            assertThat(onFirst.compareAndSet(agent, 0, available).toCompletableFuture().get())
                    .isInstanceOf(StatusUpdate.Stored.class);
            agents.add(agent);
        }

        ExecutorService pool = Executors.newFixedThreadPool(2 * RACERS_PER_MEMBER);
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> racers = new ArrayList<>();
        for (int r = 0; r < 2 * RACERS_PER_MEMBER; r++) {
            HazelcastAgentStateStore store = r % 2 == 0 ? onFirst : onSecond;
            racers.add(CompletableFuture.supplyAsync(() -> reserveAll(store, agents, start), pool));
        }
        start.countDown();
        int reservations = 0;
        for (CompletableFuture<Integer> racer : racers) {
            reservations += racer.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(reservations).isEqualTo(AGENTS);
        for (AgentId agent : agents) {
            AgentStatus status = onSecond.read(agent).toCompletableFuture().get().orElseThrow();
            assertThat(status.state()).isEqualTo(AgentState.RESERVED);
            assertThat(status.version()).isEqualTo(2);
        }
    }

    /** Reads each agent and, if it is still available, tries to reserve it; counts the wins. */
    private static int reserveAll(HazelcastAgentStateStore store, List<AgentId> agents, CountDownLatch start) {
        try {
            start.await();
            int wins = 0;
            for (AgentId agent : agents) {
                AgentStatus seen = store.read(agent).toCompletableFuture().get().orElseThrow();
                var reserve = seen.moveTo(AgentState.RESERVED, NOW);
                if (!reserve.isMoved()) {
                    continue;
                }
                StatusUpdate update = store.compareAndSet(agent, seen.version(), reserve.orElseThrow())
                        .toCompletableFuture().get();
                if (update instanceof StatusUpdate.Stored) {
                    wins++;
                }
            }
            return wins;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
