package io.switchboard.queue.routing;

import io.switchboard.core.agent.AgentState;
import io.switchboard.core.routing.RoutingStrategy;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A caller every member already missed still goes to the first agent who frees. */
class EveryoneMissedTest {

    private final RoutingWorld world = new RoutingWorld(new InboundRules(1, ZoneOffset.UTC));

    @Test
    void a_caller_whom_every_member_missed_is_offered_to_the_first_of_them_who_frees() {
        world.queue("support", RoutingStrategy.LONGEST_IDLE)
                .available("a1", "support", Duration.ofMinutes(5)).available("a2", "support", Duration.ofMinutes(1));
        world.callArrives("c1", Optional.of("support"));
        world.agentPhoneIsNotAnswered(world.pbx.lastRing().agentLeg());
        world.agentPhoneIsNotAnswered(world.pbx.lastRing().agentLeg());
        assertThat(world.pbx.devicesRung()).containsExactly("SIP/a1", "SIP/a2");
        assertThat(world.states.stateOf("a1")).as("auto-paused after one miss").isEqualTo(AgentState.PAUSED);
        assertThat(world.states.stateOf("a2")).isEqualTo(AgentState.PAUSED);

        world.agentBecomesAvailable("a2");

        assertThat(world.pbx.devicesRung()).containsExactly("SIP/a1", "SIP/a2", "SIP/a2");
    }
}
