package io.switchboard.queue.routing;

import io.switchboard.core.agent.AgentState;
import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.QueueId;
import io.switchboard.core.routing.RoutingStrategy;
import io.switchboard.core.routing.TaskQueue;
import io.switchboard.queue.selection.PreferredAgentRule;
import io.switchboard.queue.selection.QueueSetup;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class PreferredAgentRoutingTest {

    private static final Optional<String> SALES = Optional.of("sales");
    private static final String CALLER = "+4930555123";
    private static final PreferredAgentRule LAST_AGENT_FOR_20_SECONDS =
            new PreferredAgentRule(true, Duration.ofSeconds(20));

    private final RoutingWorld world = new RoutingWorld();

    /** A linear queue that rings a first, then b. */
    private void salesQueue(PreferredAgentRule rule) {
        world.queue(QueueSetup.of(TaskQueue.of(QueueId.of("sales"), "sales", RoutingStrategy.LINEAR))
                        .withMemberOrder(List.of(AgentId.of("a"), AgentId.of("b")))
                        .withPreferredAgent(rule))
                .available("a", "sales", Duration.ofMinutes(1))
                .available("b", "sales", Duration.ofMinutes(1));
    }

    @Test
    void a_caller_goes_first_to_the_agent_who_last_spoke_to_them_though_the_strategy_would_pick_another() {
        salesQueue(LAST_AGENT_FOR_20_SECONDS);
        world.lastAgents.remember(CALLER, "b");

        world.callArrives("c1", SALES);

        assertThat(world.pbx.devicesRung()).containsExactly("SIP/b");
    }

    @Test
    void when_the_last_agent_does_not_answer_the_strategy_applies() {
        salesQueue(LAST_AGENT_FOR_20_SECONDS);
        world.lastAgents.remember(CALLER, "b");
        world.callArrives("c1", SALES);

        world.agentPhoneIsNotAnswered(world.pbx.lastRing().agentLeg());

        assertThat(world.pbx.devicesRung()).containsExactly("SIP/b", "SIP/a");
        assertThat(world.journal).filteredOn(JournalEntry.AgentMissed.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((JournalEntry.AgentMissed) e).agent()).isEqualTo(AgentId.of("b")));
    }

    @Test
    void a_busy_last_agent_is_waited_for_until_the_timeout_then_the_strategy_applies() {
        salesQueue(LAST_AGENT_FOR_20_SECONDS);
        world.states.put("b", AgentState.ON_CALL, world.clock.instant());
        world.lastAgents.remember(CALLER, "b");

        world.callArrives("c1", SALES);
        world.clock.advance(Duration.ofSeconds(19));
        world.dueTimersFire();
        assertThat(world.pbx.devicesRung()).isEmpty();

        world.clock.advance(Duration.ofSeconds(1));
        world.dueTimersFire();

        assertThat(world.pbx.devicesRung()).containsExactly("SIP/a");
    }

    @Test
    void a_busy_last_agent_who_becomes_free_in_time_gets_the_call() {
        salesQueue(LAST_AGENT_FOR_20_SECONDS);
        world.states.put("b", AgentState.ON_CALL, world.clock.instant());
        world.lastAgents.remember(CALLER, "b");
        world.callArrives("c1", SALES);
        world.clock.advance(Duration.ofSeconds(5));

        world.agentBecomesAvailable("b");

        assertThat(world.pbx.devicesRung()).containsExactly("SIP/b");
    }

    @Test
    void a_queue_without_the_rule_ignores_the_history_and_does_not_read_it() {
        salesQueue(PreferredAgentRule.OFF);
        world.lastAgents.remember(CALLER, "b");

        world.callArrives("c1", SALES);

        assertThat(world.pbx.devicesRung()).containsExactly("SIP/a");
        assertThat(world.lastAgents.reads).isZero();
    }

    @Test
    void a_slow_read_delays_the_first_decision_by_the_bound_at_most_and_its_late_answer_is_dropped() {
        salesQueue(LAST_AGENT_FOR_20_SECONDS);
        world.lastAgents.holdReads();

        world.callArrives("c1", SALES);
        assertThat(world.pbx.devicesRung()).isEmpty();
        assertThat(world.timerDelays).contains(PreferredAgents.LOOKUP_BOUND);

        world.clock.advance(PreferredAgents.LOOKUP_BOUND);
        world.dueTimersFire();
        world.lastAgents.heldReads.get(0).complete(Optional.of(AgentId.of("b")));

        assertThat(world.pbx.devicesRung()).containsExactly("SIP/a");
    }

    @Test
    void a_read_that_answers_within_the_bound_is_applied() {
        salesQueue(LAST_AGENT_FOR_20_SECONDS);
        world.lastAgents.holdReads();
        world.callArrives("c1", SALES);

        world.lastAgents.heldReads.get(0).complete(Optional.of(AgentId.of("b")));
        world.clock.advance(PreferredAgents.LOOKUP_BOUND);
        world.dueTimersFire();

        assertThat(world.pbx.devicesRung()).containsExactly("SIP/b");
    }

    @Test
    void a_failed_read_routes_the_call_at_once_without_a_preference() {
        salesQueue(LAST_AGENT_FOR_20_SECONDS);
        world.lastAgents.failReads();

        world.callArrives("c1", SALES);

        assertThat(world.pbx.devicesRung()).containsExactly("SIP/a");
    }

    @Test
    void the_agent_a_caller_is_connected_to_is_remembered_as_their_last_agent_whatever_the_queue() {
        salesQueue(PreferredAgentRule.OFF);
        world.callArrives("c1", SALES);

        world.agentAnswers(world.pbx.lastRing().agentLeg());

        assertThat(world.lastAgents.spokeWith).containsEntry(PhoneNumber.parse(CALLER, "caller"), AgentId.of("a"));
    }

    @Test
    void a_preferred_agent_who_missed_the_call_is_not_preferred_again_when_the_queue_goes_round_again() {
        world.queue(QueueSetup.of(TaskQueue.of(QueueId.of("sales"), "sales", RoutingStrategy.LINEAR))
                        .withMemberOrder(List.of(AgentId.of("a"), AgentId.of("b"), AgentId.of("c")))
                        .withPreferredAgent(new PreferredAgentRule(true, Duration.ofMinutes(5))))
                .available("a", "sales", Duration.ofMinutes(1))
                .available("b", "sales", Duration.ofMinutes(1))
                .available("c", "sales", Duration.ofMinutes(1));
        world.lastAgents.remember(CALLER, "c");
        world.callArrives("c1", SALES);

        for (int miss = 0; miss < 4; miss++) {
            world.agentPhoneIsNotAnswered(world.pbx.lastRing().agentLeg());
        }

        assertThat(world.pbx.devicesRung()).as("c, then linear; round two starts at a again, c is not preferred")
                .containsExactly("SIP/c", "SIP/a", "SIP/b", "SIP/a", "SIP/b");
    }
}
