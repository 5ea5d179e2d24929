package io.switchboard.queue.routing;

import io.switchboard.core.agent.AgentState;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.QueueId;
import io.switchboard.core.routing.RoutingStrategy;
import io.switchboard.core.routing.TaskQueue;
import io.switchboard.queue.selection.PreferredAgentRule;
import io.switchboard.queue.selection.QueueSetup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class AccountOwnerRoutingTest {

    private static final Optional<String> SALES = Optional.of("sales");
    private static final String CALLER = "+4930555123";
    private static final Duration OWNER_WAIT = Duration.ofMillis(800);
    private static final PreferredAgentRule OWNER_FOR_20_SECONDS =
            PreferredAgentRule.accountOwner(Duration.ofSeconds(20), OWNER_WAIT);

    private final RoutingWorld world = new RoutingWorld();
    private final FakeAccountOwners owners = new FakeAccountOwners();

    @BeforeEach
    void crm() {
        world.router.useAccountOwners(owners);
    }

    /** A linear queue that rings a first, then b, then c. */
    private void salesQueue(PreferredAgentRule rule) {
        world.queue(QueueSetup.of(TaskQueue.of(QueueId.of("sales"), "sales", RoutingStrategy.LINEAR))
                        .withMemberOrder(List.of(AgentId.of("a"), AgentId.of("b"), AgentId.of("c")))
                        .withPreferredAgent(rule))
                .available("a", "sales", Duration.ofMinutes(1))
                .available("b", "sales", Duration.ofMinutes(1))
                .available("c", "sales", Duration.ofMinutes(1));
    }

    @Test
    void a_caller_goes_first_to_the_owner_of_their_crm_account() {
        salesQueue(OWNER_FOR_20_SECONDS);
        owners.owns("c", CALLER);

        world.callArrives("c1", SALES);

        assertThat(world.pbx.devicesRung()).containsExactly("SIP/c");
    }

    @Test
    void the_account_owner_comes_before_the_last_agent_when_a_queue_asks_for_both() {
        salesQueue(new PreferredAgentRule(true, Duration.ofSeconds(20), true, OWNER_WAIT));
        world.lastAgents.remember(CALLER, "b");
        owners.owns("c", CALLER);

        world.callArrives("c1", SALES);

        assertThat(world.pbx.devicesRung()).containsExactly("SIP/c");
    }

    @Test
    void without_an_owner_the_last_agent_is_preferred() {
        salesQueue(new PreferredAgentRule(true, Duration.ofSeconds(20), true, OWNER_WAIT));
        world.lastAgents.remember(CALLER, "b");

        world.callArrives("c1", SALES);

        assertThat(world.pbx.devicesRung()).containsExactly("SIP/b");
    }

    @Test
    void a_crm_answer_within_the_queues_wait_is_applied() {
        salesQueue(OWNER_FOR_20_SECONDS);
        owners.holdLookups();
        world.callArrives("c1", SALES);
        assertThat(world.timerDelays).contains(OWNER_WAIT);
        world.clock.advance(Duration.ofMillis(600));
        world.dueTimersFire();
        assertThat(world.pbx.devicesRung()).as("still waiting for the CRM").isEmpty();

        owners.heldLookups.get(0).complete(Optional.of(AgentId.of("c")));

        assertThat(world.pbx.devicesRung()).containsExactly("SIP/c");
    }

    @Test
    void a_crm_slower_than_the_queues_wait_is_not_waited_for_and_its_late_answer_is_dropped() {
        salesQueue(OWNER_FOR_20_SECONDS);
        owners.holdLookups();
        world.callArrives("c1", SALES);

        world.clock.advance(OWNER_WAIT);
        world.dueTimersFire();
        owners.heldLookups.get(0).complete(Optional.of(AgentId.of("c")));

        assertThat(world.pbx.devicesRung()).containsExactly("SIP/a");
    }

    @Test
    void a_crm_that_fails_routes_the_call_at_once_by_the_strategy() {
        salesQueue(OWNER_FOR_20_SECONDS);
        owners.failLookups();

        world.callArrives("c1", SALES);

        assertThat(world.pbx.devicesRung()).containsExactly("SIP/a");
    }

    @Test
    void a_busy_owner_is_waited_for_until_the_timeout_then_the_strategy_applies() {
        salesQueue(OWNER_FOR_20_SECONDS);
        world.states.put("c", AgentState.ON_CALL, world.clock.instant());
        owners.owns("c", CALLER);

        world.callArrives("c1", SALES);
        world.clock.advance(Duration.ofSeconds(20));
        world.dueTimersFire();

        assertThat(world.pbx.devicesRung()).containsExactly("SIP/a");
    }

    @Test
    void a_queue_without_the_rule_never_asks_the_crm() {
        salesQueue(new PreferredAgentRule(true, Duration.ofSeconds(20)));
        owners.owns("c", CALLER);

        world.callArrives("c1", SALES);

        assertThat(world.pbx.devicesRung()).containsExactly("SIP/a");
        assertThat(owners.lookups).isZero();
    }
}
