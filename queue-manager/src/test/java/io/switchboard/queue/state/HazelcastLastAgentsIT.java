package io.switchboard.queue.state;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.id.AgentId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Two cluster members sharing callers' last agents, by digest only, for the retention only. */
class HazelcastLastAgentsIT {

    private static final PhoneNumber CALLER = PhoneNumber.parse("+4930555123", "caller");
    private static final Duration RETENTION = Duration.ofHours(72);

    private static HazelcastInstance first;
    private static HazelcastInstance second;

    @BeforeAll
    static void formCluster() {
        String cluster = "last-agent-" + UUID.randomUUID();
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
    void the_agent_remembered_on_one_member_is_read_on_the_other_under_a_salted_digest_with_the_retention_as_ttl()
            throws Exception {
        HazelcastLastAgents onFirst = new HazelcastLastAgents(first, RETENTION);
        HazelcastLastAgents onSecond = new HazelcastLastAgents(second, RETENTION);

        onFirst.spokeWith(CALLER, AgentId.of("b")).toCompletableFuture().get(10, TimeUnit.SECONDS);

        assertThat(onSecond.lastAgentOf(CALLER).toCompletableFuture().get(10, TimeUnit.SECONDS))
                .contains(AgentId.of("b"));
        IMap<String, String> stored = second.getMap(HazelcastLastAgents.MAP_NAME);
        assertThat(stored.keySet()).singleElement().satisfies(key -> {
            assertThat(key).doesNotContain("4930555123").hasSize(64);
            assertThat(stored.getEntryView(key).getTtl()).isEqualTo(RETENTION.toMillis());
        });
    }

    @Test
    void a_caller_nobody_spoke_to_has_no_last_agent() throws Exception {
        HazelcastLastAgents store = new HazelcastLastAgents(first, RETENTION);

        assertThat(store.lastAgentOf(PhoneNumber.parse("+442079460018", "caller")).toCompletableFuture()
                .get(10, TimeUnit.SECONDS)).isEqualTo(Optional.empty());
    }

    @Test
    void an_entry_is_forgotten_once_its_retention_has_passed() throws Exception {
        HazelcastLastAgents shortMemory = new HazelcastLastAgents(first, Duration.ofSeconds(1));
        PhoneNumber caller = PhoneNumber.parse("+33155512345", "caller");
        shortMemory.spokeWith(caller, AgentId.of("a")).toCompletableFuture().get(10, TimeUnit.SECONDS);

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        Optional<AgentId> found = Optional.of(AgentId.of("a"));
        while (found.isPresent() && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(200);
            found = shortMemory.lastAgentOf(caller).toCompletableFuture().get(10, TimeUnit.SECONDS);
        }

        assertThat(found).isEmpty();
    }
}
