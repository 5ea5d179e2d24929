package io.switchboard.queue.state;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.switchboard.core.agent.AgentState;
import io.switchboard.core.agent.AgentStatus;
import io.switchboard.core.id.AgentId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A status stored on one member reaches the other member's listener, and only that one. */
class AgentChangesElsewhereIT {

    private static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");

    private static HazelcastInstance first;
    private static HazelcastInstance second;

    @BeforeAll
    static void formCluster() {
        String cluster = "changes-" + UUID.randomUUID();
        first = Hazelcast.newHazelcastInstance(LoopbackMembers.member(cluster, 15801));
        second = Hazelcast.newHazelcastInstance(LoopbackMembers.member(cluster, 15801));
        assertThat(first.getCluster().getMembers()).hasSize(2);
    }

    @AfterAll
    static void stopCluster() {
        second.shutdown();
        first.shutdown();
    }

    @Test
    void a_status_stored_on_one_member_is_handed_to_the_other_member_s_context_and_not_to_its_own() throws Exception {
        BlockingQueue<String> heardOnFirst = new LinkedBlockingQueue<>();
        BlockingQueue<String> heardOnSecond = new LinkedBlockingQueue<>();
        BlockingQueue<Runnable> secondContext = new LinkedBlockingQueue<>();
        try (AgentChangesElsewhere onFirst = AgentChangesElsewhere.listen(first, Runnable::run,
                agent -> heardOnFirst.add(agent.value()));
             AgentChangesElsewhere onSecond = AgentChangesElsewhere.listen(second, secondContext::add,
                     agent -> heardOnSecond.add(agent.value() + " on " + Thread.currentThread().getName()))) {
            HazelcastAgentStateStore storedOnFirst = new HazelcastAgentStateStore(first);
            AgentStatus available = AgentStatus.initial(NOW).moveTo(AgentState.AVAILABLE, NOW).orElseThrow();

            for (int i = 0; i < 20; i++) {
                storedOnFirst.compareAndSet(AgentId.of("a" + i), 0, available).toCompletableFuture().get();
            }
            storedOnFirst.compareAndSet(AgentId.of("a0"), 1,
                    available.moveTo(AgentState.RESERVED, NOW).orElseThrow()).toCompletableFuture().get();

            for (int i = 0; i < 21; i++) {
                Runnable handedOff = secondContext.poll(10, TimeUnit.SECONDS);
                assertThat(handedOff).as("change %d handed to the second member's context", i).isNotNull();
                handedOff.run();
            }
            assertThat(heardOnSecond).hasSize(21).allSatisfy(heard -> assertThat(heard).endsWith(
                    " on " + Thread.currentThread().getName())).contains("a0 on " + Thread.currentThread().getName());
            assertThat(heardOnFirst.poll(500, TimeUnit.MILLISECONDS)).as("the first member's own writes").isNull();
        }
    }
}
