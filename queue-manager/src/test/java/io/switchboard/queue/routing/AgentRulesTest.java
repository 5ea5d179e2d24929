package io.switchboard.queue.routing;

import io.switchboard.core.agent.AgentState;
import io.switchboard.core.agent.DeviceState;
import io.switchboard.core.agent.ReasonCode;
import io.switchboard.core.event.PbxEvent;
import io.switchboard.core.event.TransferTarget;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules agents expect: auto-pause after misses, a busy phone is left alone, wrap-up is never skipped. */
class AgentRulesTest {

    private static final Optional<String> SUPPORT = Optional.of("support");
    private static final Optional<String> SALES = Optional.of("sales");

    private final RoutingWorld world = new RoutingWorld();

    @Test
    void an_agent_who_misses_three_offers_in_a_row_is_paused_with_reason_no_answer_and_not_rung_again() {
        world.available("a1", "support", Duration.ofMinutes(1));
        world.callArrives("c1", SUPPORT);

        missesTheLastRing(world, 3);

        assertThat(world.states.statusOf("a1").state()).isEqualTo(AgentState.PAUSED);
        assertThat(world.states.statusOf("a1").reason()).contains(ReasonCode.NO_ANSWER);
        assertThat(world.pbx.devicesRung()).containsExactly("SIP/a1", "SIP/a1", "SIP/a1");
    }

    @Test
    void an_answered_call_starts_the_count_of_misses_again() {
        world.available("a1", "support", Duration.ofMinutes(1));
        world.callArrives("c1", SUPPORT);
        missesTheLastRing(world, 2);
        world.agentAnswers(world.pbx.lastRing().agentLeg());
        world.callerHangsUp("c1");
        world.timersFire();
        world.callArrives("c2", SUPPORT);

        missesTheLastRing(world, 2);

        assertThat(world.states.stateOf("a1")).isEqualTo(AgentState.RESERVED);
        assertThat(world.pbx.devicesRung()).hasSize(6);
    }

    @Test
    void no_agent_is_paused_for_misses_when_the_server_sets_zero() {
        RoutingWorld never = new RoutingWorld(new InboundRules(0, ZoneOffset.UTC));
        never.available("a1", "support", Duration.ofMinutes(1));
        never.callArrives("c1", SUPPORT);

        missesTheLastRing(never, 5);

        assertThat(never.states.stateOf("a1")).isEqualTo(AgentState.RESERVED);
        assertThat(never.pbx.devicesRung()).hasSize(6);
    }

    @Test
    void a_pause_after_two_misses_when_the_server_sets_two() {
        RoutingWorld strict = new RoutingWorld(new InboundRules(2, ZoneOffset.UTC));
        strict.available("a1", "support", Duration.ofMinutes(1));
        strict.callArrives("c1", SUPPORT);

        missesTheLastRing(strict, 2);

        assertThat(strict.states.statusOf("a1").reason()).contains(ReasonCode.NO_ANSWER);
    }

    @Test
    void an_agent_whose_phone_is_in_use_with_a_call_of_their_own_is_not_offered_a_caller() {
        world.available("a1", "support", Duration.ofMinutes(9)).available("a2", "support", Duration.ofMinutes(1));
        world.deviceOf("a1", DeviceState.IN_USE);

        world.callArrives("c1", SUPPORT);

        assertThat(world.pbx.devicesRung()).containsExactly("SIP/a2");
        assertThat(world.states.stateOf("a1")).isEqualTo(AgentState.AVAILABLE);
    }

    @Test
    void an_agent_whose_phone_rings_outside_switchboard_is_offered_the_waiting_caller_once_it_is_idle_again() {
        world.available("a1", "support", Duration.ofMinutes(1));
        world.deviceOf("a1", DeviceState.RINGING);
        world.callArrives("c1", SUPPORT);
        assertThat(world.pbx.rings).isEmpty();

        world.deviceOf("a1", DeviceState.IDLE);

        assertThat(world.pbx.devicesRung()).containsExactly("SIP/a1");
    }

    @Test
    void an_agent_who_put_a_private_call_on_hold_is_not_offered_until_the_phone_is_idle() {
        world.available("a1", "support", Duration.ofMinutes(1));
        world.deviceOf("a1", DeviceState.ON_HOLD);

        world.callArrives("c1", SUPPORT);
        assertThat(world.pbx.rings).isEmpty();

        world.deviceOf("a1", DeviceState.IDLE);
        assertThat(world.pbx.devicesRung()).containsExactly("SIP/a1");
    }

    @Test
    void a_phone_reported_in_use_counts_as_free_once_its_pbx_connection_drops_and_a_waiting_caller_is_offered() {
        // A restart or a cut loses the report that the private call ended; another PBX's report still holds.
        world.available("a1", "support", Duration.ofMinutes(2)).available("a2", "support", Duration.ofMinutes(1));
        world.deviceOf("a1", DeviceState.IN_USE);
        world.pbxReports(new io.switchboard.core.event.PbxEvent.AgentDeviceStateChanged(
                io.switchboard.core.id.PbxId.of("pbx2"), world.clock.instant(), "SIP/a2", DeviceState.IN_USE));
        world.callArrives("c1", SUPPORT);
        assertThat(world.pbx.rings).isEmpty();

        world.pbxReports(new io.switchboard.core.event.PbxEvent.PbxDisconnected(RoutingWorld.PBX,
                world.clock.instant(), "gone"));

        assertThat(world.pbx.devicesRung()).containsExactly("SIP/a1");
    }

    @Test
    void an_agent_in_wrap_up_is_not_offered_a_caller_of_another_queue_until_the_wrap_up_is_over() {
        world.queue("support", Duration.ofSeconds(15), Duration.ofSeconds(30))
                .availableIn("a1", Duration.ofMinutes(1), "support", "sales");
        world.callArrives("c1", SUPPORT);
        world.agentAnswers(world.pbx.lastRing().agentLeg());
        world.callerHangsUp("c1");
        assertThat(world.states.stateOf("a1")).isEqualTo(AgentState.WRAP_UP);

        world.callArrives("c2", SALES);
        assertThat(world.pbx.rings).hasSize(1);

        world.timersFire();
        assertThat(world.pbx.rings).hasSize(2);
        assertThat(world.pbx.lastRing().call()).isEqualTo(CallId.of("c2"));
    }

    @Test
    void a_transfer_does_not_skip_the_wrap_up_of_the_agent_who_talked() {
        world.queue("support", Duration.ofSeconds(15), Duration.ofSeconds(30))
                .availableIn("a1", Duration.ofMinutes(1), "support", "sales");
        world.callArrives("c1", SUPPORT);
        LegId agentLeg = world.pbx.lastRing().agentLeg();
        world.agentAnswers(agentLeg);
        world.pbxReports(new PbxEvent.CallTransferred(RoutingWorld.PBX, world.clock.instant(), CallId.of("c1"),
                RoutingWorld.callerLeg("c1"), new TransferTarget("02079460018", "from-internal")));
        world.agentHangsUp(agentLeg);

        world.callArrives("c2", SALES);
        assertThat(world.states.stateOf("a1")).isEqualTo(AgentState.WRAP_UP);
        assertThat(world.pbx.rings).hasSize(1);

        world.timersFire();
        assertThat(world.pbx.lastRing().call()).isEqualTo(CallId.of("c2"));
    }

    /** The agent rung last lets it ring out, {@code times} times over (each time the caller is offered again). */
    private static void missesTheLastRing(RoutingWorld w, int times) {
        for (int i = 0; i < times; i++) {
            w.agentPhoneIsNotAnswered(w.pbx.lastRing().agentLeg());
        }
    }
}
