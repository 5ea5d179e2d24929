package io.switchboard.queue.routing;

import io.switchboard.core.agent.AgentState;
import io.switchboard.core.call.HoldReason;
import io.switchboard.core.call.HangupCause;
import io.switchboard.core.event.PbxEvent;
import io.switchboard.core.id.AgentId;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class AgentPresenceTest {

    private final EngineWorld world = new EngineWorld().queue("support", Duration.ofSeconds(30));

    @Test
    void a_feature_code_login_makes_a_logged_out_agent_available() {
        world.agent("a1", "support", AgentState.LOGGED_OUT);

        world.featureCode("a1", true);

        assertThat(world.stateOf("a1")).isEqualTo(AgentState.AVAILABLE);
    }

    @Test
    void a_login_leaves_a_paused_agent_paused() {
        world.agent("a1", "support", AgentState.PAUSED);

        world.featureCode("a1", true);

        assertThat(world.stateOf("a1")).isEqualTo(AgentState.PAUSED);
    }

    @Test
    void a_feature_code_logout_logs_an_idle_agent_out_at_once() {
        world.agent("a1", "support", AgentState.AVAILABLE);

        world.featureCode("a1", false);

        assertThat(world.stateOf("a1")).isEqualTo(AgentState.LOGGED_OUT);
    }

    @Test
    void a_logout_during_a_call_waits_for_the_end_of_wrap_up() {
        world.agent("a1", "support", AgentState.AVAILABLE);
        world.lineOpens("a1");
        world.callArrives("c1", "support");
        world.joined("c1", "a1");

        world.featureCode("a1", false);
        assertThat(world.stateOf("a1")).isEqualTo(AgentState.ON_CALL);
        world.hangsUp("c1", HangupCause.NORMAL_CLEARING);
        assertThat(world.stateOf("a1")).isEqualTo(AgentState.WRAP_UP);
        world.timersFire();

        assertThat(world.stateOf("a1")).isEqualTo(AgentState.LOGGED_OUT);
    }

    @Test
    void an_agent_who_logged_out_while_offered_a_call_is_logged_out_rather_than_auto_paused_by_the_miss() {
        world.agent("a1", "support", AgentState.AVAILABLE);
        world.lineOpens("a1");
        world.callArrives("c1", "support");
        world.backOnHold("c1", HoldReason.NO_AGENT);
        world.backOnHold("c1", HoldReason.NO_AGENT);
        world.featureCode("a1", false);

        world.backOnHold("c1", HoldReason.NO_AGENT);

        assertThat(world.stateOf("a1")).isEqualTo(AgentState.LOGGED_OUT);
    }

    @Test
    void an_opened_line_logs_the_agent_in_and_is_remembered_per_pbx() {
        world.agent("a1", "support", AgentState.LOGGED_OUT);

        world.lineOpens("a1");

        assertThat(world.stateOf("a1")).isEqualTo(AgentState.AVAILABLE);
        assertThat(world.engine.lines().lineOf(AgentId.of("a1")))
                .contains(new AgentLines.Line(EngineWorld.PBX, EngineWorld.sessionLeg("a1")));
    }

    @Test
    void a_closed_line_makes_the_agent_unroutable_by_logging_them_out() {
        world.agent("a1", "support", AgentState.LOGGED_OUT);
        world.lineOpens("a1");

        world.lineCloses("a1");

        assertThat(world.stateOf("a1")).isEqualTo(AgentState.LOGGED_OUT);
        assertThat(world.engine.lines().lineOf(AgentId.of("a1"))).isEmpty();
    }

    @Test
    void events_about_agents_the_directory_does_not_know_are_skipped() {
        world.lineOpens("ghost");
        world.engine.onEvent(new PbxEvent.AgentLoggedIn(EngineWorld.PBX, world.clock.instant(), AgentId.of("ghost"),
                "SIP/9", true));

        assertThat(world.stateOf("ghost")).isEqualTo(AgentState.LOGGED_OUT);
        assertThat(world.engine.lines().lineOf(AgentId.of("ghost"))).isEmpty();
    }

    @Test
    void agent_ids_that_look_like_phone_numbers_are_masked_in_logs() {
        assertThat(AgentPresence.masked(AgentId.of("+4930555123"))).isEqualTo("********123");
        assertThat(AgentPresence.masked(AgentId.of("a17"))).isEqualTo("a17");
    }
}
