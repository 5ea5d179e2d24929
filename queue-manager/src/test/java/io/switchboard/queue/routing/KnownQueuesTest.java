package io.switchboard.queue.routing;

import io.switchboard.core.agent.AgentState;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.QueueId;
import io.switchboard.core.routing.TaskStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class KnownQueuesTest {

    private static final Optional<String> SUPPORT = Optional.of("support");
    private final RoutingWorld world = new RoutingWorld();

    @Test
    void a_call_to_a_queue_the_router_knows_is_decided_without_reading_the_queue_or_its_members_again() {
        world.queue("support", Duration.ofSeconds(20), Duration.ZERO)
                .available("a1", "support", Duration.ofMinutes(1))
                .available("a2", "support", Duration.ofMinutes(9));

        world.callArrives("c1", SUPPORT);
        world.clock.advance(Duration.ofSeconds(5));
        world.callArrives("c2", SUPPORT);

        assertThat(world.pbx.devicesRung()).containsExactly("SIP/a2", "SIP/a1");
        assertThat(world.setupReads).containsExactly(QueueId.of("support"));
        assertThat(world.directory.membersReads).isEqualTo(1);
    }

    @Test
    void a_queue_changed_through_the_api_is_read_again_before_its_next_call_is_decided() {
        world.queue("support", Duration.ofSeconds(20), Duration.ZERO)
                .available("a1", "support", Duration.ofMinutes(1))
                .available("a2", "support", Duration.ofMinutes(9));
        world.callArrives("c1", SUPPORT);

        world.queue("support", Duration.ofSeconds(30), Duration.ZERO);
        world.callArrives("c2", SUPPORT);

        assertThat(world.pbx.lastRing().ringTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(world.setupReads).hasSize(2);
    }

    @Test
    void a_change_the_router_was_not_told_of_is_read_in_the_background_after_the_refresh_period() {
        world.queue("support", Duration.ofSeconds(20), Duration.ZERO).available("a1", "support", Duration.ZERO);
        world.callArrives("c1", SUPPORT);
        world.agentAnswers(world.pbx.lastRing().agentLeg());
        world.callArrives("c2", SUPPORT);
        world.directory.put(Agents.member("a2", "support"));   // written by another node
        world.states.put("a2", AgentState.AVAILABLE, world.clock.instant());

        world.clock.advance(KnownQueues.REFRESH.minusSeconds(5));
        world.callArrives("c3", SUPPORT);
        assertThat(world.pbx.devicesRung()).containsExactly("SIP/a1");
        world.clock.advance(Duration.ofSeconds(5));
        world.callArrives("c4", SUPPORT);

        assertThat(world.setupReads).hasSize(2);
        assertThat(world.pbx.devicesRung()).containsExactly("SIP/a1", "SIP/a2");
        assertThat(world.pbx.lastRing().call()).as("the longest waiting caller takes the agent the refresh found")
                .isEqualTo(CallId.of("c2"));
    }

    @Test
    void callers_arriving_while_their_queue_is_read_are_decided_in_arrival_order_after_one_read() {
        world.queue("support", Duration.ofSeconds(20), Duration.ZERO).available("a1", "support", Duration.ZERO);
        world.holdQueueReads = true;

        world.callArrives("c1", SUPPORT);
        world.clock.advance(Duration.ofMillis(5));
        world.callArrives("c2", SUPPORT);
        world.clock.advance(Duration.ofMillis(5));
        world.callArrives("c3", SUPPORT);
        assertThat(world.pbx.rings).isEmpty();
        List<Runnable> held = List.copyOf(world.heldReads);
        world.heldReads.clear();
        Collections.reverse(held);   // a later read finishing first must not let a later caller in first
        held.forEach(Runnable::run);

        assertThat(world.setupReads).containsExactly(QueueId.of("support"));
        assertThat(world.pbx.lastRing().call()).isEqualTo(CallId.of("c1"));
        assertThat(world.router.tasks()).extracting(task -> task.status())
                .containsExactly(TaskStatus.RESERVED, TaskStatus.PENDING, TaskStatus.PENDING);
    }

    @Test
    void a_failed_read_decides_with_the_defaults_and_the_next_call_reads_the_queue_again() {
        world.queue("support", Duration.ofSeconds(25), Duration.ZERO).available("a1", "support", Duration.ZERO)
                .available("a2", "support", Duration.ofMinutes(1));
        world.failNextQueueRead = true;

        world.callArrives("c1", SUPPORT);
        assertThat(world.pbx.lastRing().ringTimeout()).isEqualTo(Duration.ofSeconds(15));
        world.callArrives("c2", SUPPORT);

        assertThat(world.setupReads).hasSize(2);
        assertThat(world.pbx.lastRing().ringTimeout()).isEqualTo(Duration.ofSeconds(25));
    }

    @Test
    void calls_arriving_while_a_known_queue_is_refreshed_in_the_background_are_decided_at_once() {
        world.queue("support", Duration.ofSeconds(20), Duration.ZERO).available("a1", "support", Duration.ZERO)
                .available("a2", "support", Duration.ofMinutes(1)).available("a3", "support", Duration.ofMinutes(2));
        world.callArrives("c1", SUPPORT);
        world.clock.advance(KnownQueues.REFRESH);
        world.holdQueueReads = true;

        world.callArrives("c2", SUPPORT);
        world.callArrives("c3", SUPPORT);

        assertThat(world.heldReads).as("one refresh, in the background").hasSize(1);
        assertThat(world.pbx.devicesRung()).containsExactly("SIP/a3", "SIP/a2", "SIP/a1");
    }

    @Test
    void callers_waiting_for_a_read_that_began_before_a_change_are_decided_on_the_queue_as_changed() {
        world.queue("support", Duration.ofSeconds(20), Duration.ZERO).available("a1", "support", Duration.ZERO);
        world.holdQueueReads = true;
        world.callArrives("c1", SUPPORT);

        world.queue("support", Duration.ofSeconds(40), Duration.ZERO);
        world.holdQueueReads = false;
        List<Runnable> held = List.copyOf(world.heldReads);
        world.heldReads.clear();
        held.forEach(Runnable::run);

        assertThat(world.setupReads).hasSize(2);
        assertThat(world.pbx.lastRing().ringTimeout()).isEqualTo(Duration.ofSeconds(40));
    }

    @Test
    void an_agent_freed_while_an_earlier_caller_waits_for_their_queue_to_be_read_takes_that_caller_not_a_later_one() {
        world.queue("early", Duration.ofSeconds(20), Duration.ZERO).queue("later", Duration.ofSeconds(20), Duration.ZERO);
        world.directory.put(Agents.member("fair", "early", "later"));
        world.states.put("fair", AgentState.PAUSED, world.clock.instant());
        world.callArrives("warm-up", Optional.of("later"));     // "later" is known from here on
        world.callerHangsUp("warm-up");
        world.router.queueChanged(QueueId.of("early"));         // "early" was just changed through the API
        world.holdQueueReads = true;

        world.callArrives("c1", Optional.of("early"));          // waits for "early" to be read
        world.clock.advance(Duration.ofMillis(10));
        world.callArrives("c2", Optional.of("later"));          // decided at once: nobody is free
        world.agentBecomesAvailable("fair");
        assertThat(world.pbx.rings).as("the agent waits for the earlier caller's queue").isEmpty();
        List<Runnable> held = List.copyOf(world.heldReads);
        world.heldReads.clear();
        held.forEach(Runnable::run);

        assertThat(world.pbx.lastRing().call()).as("the caller who arrived first").isEqualTo(CallId.of("c1"));
        assertThat(world.pbx.rings).hasSize(1);
    }

    @Test
    void an_agent_held_back_for_an_arriving_caller_who_hangs_up_meanwhile_takes_the_next_caller() {
        world.queue("early", Duration.ofSeconds(20), Duration.ZERO).queue("later", Duration.ofSeconds(20), Duration.ZERO);
        world.directory.put(Agents.member("fair", "early", "later"));
        world.states.put("fair", AgentState.PAUSED, world.clock.instant());
        world.callArrives("warm-up", Optional.of("later"));
        world.callerHangsUp("warm-up");
        world.router.queueChanged(QueueId.of("early"));
        world.holdQueueReads = true;
        world.callArrives("c1", Optional.of("early"));
        world.clock.advance(Duration.ofMillis(10));
        world.callArrives("c2", Optional.of("later"));
        world.agentBecomesAvailable("fair");

        world.callerHangsUp("c1");

        assertThat(world.pbx.lastRing().call()).isEqualTo(CallId.of("c2"));
    }
}
