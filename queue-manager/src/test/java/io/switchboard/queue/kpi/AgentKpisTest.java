package io.switchboard.queue.kpi;

import static io.switchboard.queue.kpi.KpiWindow.LAST_15_MINUTES;
import static io.switchboard.queue.kpi.KpiWindow.LAST_60_MINUTES;
import static io.switchboard.queue.kpi.KpiWindow.SINCE_MIDNIGHT;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.agent.AgentState;
import io.switchboard.core.agent.AgentStatus;
import io.switchboard.core.id.AgentId;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AgentKpisTest {

    private static final Instant NINE = Instant.parse("2026-11-24T09:00:00Z");

    private final KpiWorld world = new KpiWorld(NINE);

    @Test
    void occupancy_is_handling_time_over_handling_plus_ready_time_and_utilisation_is_over_logged_in_time() {
        world.agentIs("a1", AgentState.AVAILABLE);
        world.passes(Duration.ofMinutes(2));
        world.agentIs("a1", AgentState.ON_CALL);
        world.passes(Duration.ofMinutes(3));
        world.agentIs("a1", AgentState.WRAP_UP);
        world.passes(Duration.ofMinutes(1));
        world.agentIs("a1", AgentState.PAUSED);
        world.passes(Duration.ofMinutes(2));
        world.agentIs("a1", AgentState.LOGGED_OUT);

        AgentFigures figures = world.agent("a1", LAST_15_MINUTES);
        assertThat(figures.handling()).isEqualTo(Duration.ofMinutes(4));
        assertThat(figures.ready()).isEqualTo(Duration.ofMinutes(2));
        assertThat(figures.loggedIn()).isEqualTo(Duration.ofMinutes(8));
        assertThat(figures.occupancy()).hasValue(4.0 / 6);
        assertThat(figures.utilisation()).hasValue(4.0 / 8);
    }

    @Test
    void the_state_the_agent_is_in_now_counts_up_to_the_moment_of_reading() {
        world.agentIs("a1", AgentState.AVAILABLE);
        world.passes(Duration.ofMinutes(1));
        world.agentIs("a1", AgentState.ON_CALL);
        world.passes(Duration.ofMinutes(3));

        AgentFigures figures = world.agent("a1", LAST_15_MINUTES);
        assertThat(figures.handling()).isEqualTo(Duration.ofMinutes(3));
        assertThat(figures.occupancy()).hasValue(0.75);
        assertThat(world.engine.agent(AgentId.of("a1")).state()).isEqualTo(AgentState.ON_CALL);
    }

    @Test
    void time_in_a_state_that_began_before_the_window_counts_only_from_the_window_start() {
        world.agentIs("a1", AgentState.AVAILABLE);
        world.passes(Duration.ofMinutes(40).plusSeconds(30));

        // at 09:40:30 the 15-minute window starts at 09:26:00, the start of the minute 14 minutes back
        assertThat(world.agent("a1", LAST_15_MINUTES).ready()).isEqualTo(Duration.ofMinutes(14).plusSeconds(30));
        assertThat(world.agent("a1", LAST_60_MINUTES).ready()).isEqualTo(Duration.ofMinutes(40).plusSeconds(30));
    }

    @Test
    void a_closed_stretch_of_work_leaves_the_window_minute_by_minute() {
        world.agentIs("a1", AgentState.ON_CALL);
        world.passes(Duration.ofMinutes(10));
        world.agentIs("a1", AgentState.LOGGED_OUT);
        world.passes(Duration.ofMinutes(10));

        // at 09:20:00 the 15-minute window starts at 09:06:00: four of the ten minutes on the call are left in it
        assertThat(world.agent("a1", LAST_15_MINUTES).handling()).isEqualTo(Duration.ofMinutes(4));
        assertThat(world.agent("a1", LAST_60_MINUTES).handling()).isEqualTo(Duration.ofMinutes(10));
        world.passes(Duration.ofMinutes(50));
        assertThat(world.agent("a1", LAST_60_MINUTES).handling()).isZero();
        assertThat(world.agent("a1", LAST_60_MINUTES).utilisation()).isEmpty();
    }

    @Test
    void work_across_midnight_counts_in_today_only_from_midnight() {
        KpiWorld late = new KpiWorld(Instant.parse("2026-11-24T23:50:00Z"));
        late.agentIs("a1", AgentState.ON_CALL);
        late.passes(Duration.ofMinutes(20));
        late.agentIs("a1", AgentState.AVAILABLE);

        assertThat(late.agent("a1", SINCE_MIDNIGHT).handling()).isEqualTo(Duration.ofMinutes(10));
        assertThat(late.agent("a1", LAST_60_MINUTES).handling()).isEqualTo(Duration.ofMinutes(20));
    }

    @Test
    void an_answered_call_counts_for_the_agent_who_answered_it() {
        world.callEnters("c1");
        world.agentAnswers("a1", "c1");

        assertThat(world.agent("a1", LAST_15_MINUTES).answered()).isEqualTo(1);
    }

    @Test
    void a_status_older_than_the_one_already_seen_is_ignored() {
        AgentId a1 = AgentId.of("a1");
        world.engine.onAgentStatus(a1, new AgentStatus(AgentState.AVAILABLE, Optional.empty(), NINE, 2));
        world.passes(Duration.ofMinutes(1));
        world.engine.onAgentStatus(a1, new AgentStatus(AgentState.ON_CALL, Optional.empty(), NINE, 1));

        assertThat(world.engine.agent(a1).state()).isEqualTo(AgentState.AVAILABLE);
        assertThat(world.agent("a1", LAST_15_MINUTES).ready()).isEqualTo(Duration.ofMinutes(1));
    }
}
