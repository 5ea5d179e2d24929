package io.switchboard.queue.routing;

import io.switchboard.core.agent.AgentState;
import io.switchboard.core.call.HangupCause;
import io.switchboard.core.call.HoldReason;
import io.switchboard.core.id.CallId;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class NailedInboundTest {

    private final EngineWorld world = new EngineWorld().queue("support", Duration.ZERO);

    @Test
    void a_caller_is_joined_to_an_agent_with_an_open_line_without_ringing() {
        world.agent("a1", "support", AgentState.LOGGED_OUT);
        world.lineOpens("a1");

        world.callArrives("c1", "support");

        assertThat(world.pbx.joins).containsExactly(CallId.of("c1"));
        assertThat(world.pbx.rings).isEmpty();
        assertThat(world.stateOf("a1")).isEqualTo(AgentState.RESERVED);
        world.joined("c1", "a1");
        assertThat(world.stateOf("a1")).isEqualTo(AgentState.ON_CALL);
        assertThat(world.journal).filteredOn(JournalEntry.Connected.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((JournalEntry.Connected) e).agentLeg().value()).isEqualTo("c1-agent-1"));
    }

    @Test
    void an_agent_with_an_open_line_needs_no_device_in_the_directory() {
        world.agentWithoutDevice("a1", "support");
        world.lineOpens("a1");

        world.callArrives("c1", "support");

        assertThat(world.pbx.joins).containsExactly(CallId.of("c1"));
        assertThat(world.stateOf("a1")).isEqualTo(AgentState.RESERVED);
    }

    @Test
    void the_open_line_keeps_the_phone_in_use_which_does_not_stop_offers_on_it() {
        // The PBX reports the phone in use for the whole session (Asterisk's DeviceStateChange INUSE, the
        // FreeSWITCH session channel's presence id): the line is the call Switchboard placed.
        world.agent("a1", "support", AgentState.LOGGED_OUT);
        world.lineOpens("a1");
        world.engine.onEvent(new io.switchboard.core.event.PbxEvent.AgentDeviceStateChanged(EngineWorld.PBX,
                world.clock.instant(), "SIP/a1", io.switchboard.core.agent.DeviceState.IN_USE));

        world.callArrives("c1", "support");

        assertThat(world.pbx.joins).containsExactly(CallId.of("c1"));
        assertThat(world.stateOf("a1")).isEqualTo(AgentState.RESERVED);
    }

    @Test
    void an_agent_without_an_open_line_is_rung() {
        world.agent("a1", "support", AgentState.AVAILABLE);

        world.callArrives("c1", "support");

        assertThat(world.pbx.devicesRung()).containsExactly("SIP/a1");
        assertThat(world.pbx.joins).isEmpty();
    }

    @Test
    void a_join_that_finds_no_agent_counts_as_a_miss_and_the_next_agent_is_tried() {
        world.agent("a1", "support", AgentState.LOGGED_OUT).agent("a2", "support", AgentState.AVAILABLE);
        world.states.put("a2", AgentState.AVAILABLE, world.clock.instant());
        world.lineOpens("a1");
        world.callArrives("c1", "support");
        assertThat(world.pbx.joins).hasSize(1);

        world.backOnHold("c1", HoldReason.NO_AGENT);

        assertThat(world.engine.inbound().missesOf(io.switchboard.core.id.AgentId.of("a1"))).isEqualTo(1);
        assertThat(world.pbx.devicesRung()).containsExactly("SIP/a2");
    }

    @Test
    void the_end_of_a_joined_call_starts_wrap_up_and_the_agent_stays_nailed_up() {
        world.agent("a1", "support", AgentState.LOGGED_OUT);
        world.lineOpens("a1");
        world.callArrives("c1", "support");
        world.joined("c1", "a1");

        world.hangsUp("c1", HangupCause.NORMAL_CLEARING);
        world.timersFire();

        assertThat(world.stateOf("a1")).isEqualTo(AgentState.AVAILABLE);
        assertThat(world.engine.lines().lineOf(io.switchboard.core.id.AgentId.of("a1"))).isPresent();
    }

    @Test
    void a_caller_whose_nailed_up_agent_leaves_mid_call_waits_again_and_goes_to_the_next_agent() {
        world.agent("a1", "support", AgentState.LOGGED_OUT).agent("a2", "support", AgentState.PAUSED);
        world.lineOpens("a1");
        world.callArrives("c1", "support");
        world.joined("c1", "a1");

        world.lineCloses("a1");
        world.backOnHold("c1", HoldReason.AGENT_LEFT);
        world.timersFire();

        assertThat(world.stateOf("a1")).isEqualTo(AgentState.LOGGED_OUT);
        assertThat(world.journal).filteredOn(JournalEntry.Completed.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((JournalEntry.Completed) e).callerHungUp()).isFalse());
        assertThat(world.journal).extracting(e -> e.getClass().getSimpleName())
                .as("the caller enters the queue again after the agent's part is complete")
                .containsSubsequence("Completed", "Requeued");
        assertThat(world.journal).filteredOn(JournalEntry.Requeued.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((JournalEntry.Requeued) e).position()).isEqualTo(1));
        assertThat(world.engine.inbound().tasks()).singleElement()
                .satisfies(task -> assertThat(task.status()).isEqualTo(io.switchboard.core.routing.TaskStatus.PENDING));
        world.states.put("a2", AgentState.AVAILABLE, world.clock.instant());
        world.engine.agentStateChanged(io.switchboard.core.id.AgentId.of("a2"));
        assertThat(world.pbx.devicesRung()).containsExactly("SIP/a2");
    }
}
