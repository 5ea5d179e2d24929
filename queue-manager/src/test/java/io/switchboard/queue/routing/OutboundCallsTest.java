package io.switchboard.queue.routing;

import io.switchboard.core.agent.AgentState;
import io.switchboard.core.call.AmdResult;
import io.switchboard.core.call.HangupCause;
import io.switchboard.core.call.HoldReason;
import io.switchboard.core.event.SafeHarbourReason;
import io.switchboard.core.port.CommandResult;
import io.switchboard.core.port.OriginateRequest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class OutboundCallsTest {

    private static final String CALL = "pbx1/out-1";

    private final EngineWorld world = new EngineWorld(new OutboundPolicy(Duration.ofSeconds(20),
            OutboundPolicy.MachineAction.MESSAGE, Optional.of("custom/offer"), Optional.empty(), Duration.ofSeconds(5)))
            .queue("support", Duration.ZERO);

    private void nailedUp(String agent) {
        world.agent(agent, "support", AgentState.LOGGED_OUT);
        world.lineOpens(agent);
    }

    @Test
    void a_call_reserves_the_nailed_up_agent_and_originates_with_the_task_variables() {
        nailedUp("a1");

        OutboundCalls.Dial dial = world.dial("a1");

        assertThat(dial).isInstanceOf(OutboundCalls.Dial.Placed.class);
        assertThat(world.stateOf("a1")).isEqualTo(AgentState.RESERVED);
        OriginateRequest request = world.pbx.originates.get(0);
        assertThat(request.call().value()).isEqualTo(CALL);
        assertThat(request.to()).isEqualTo(EngineWorld.CUSTOMER);
        assertThat(request.ringTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(request.variables()).containsEntry("SWITCHBOARD_AGENT", "a1")
                .containsEntry("SWITCHBOARD_TASK", "task-" + CALL)
                .containsEntry("SWITCHBOARD_MACHINE_ACTION", "message")
                .containsEntry("SWITCHBOARD_MACHINE_MESSAGE", "custom/offer");
    }

    @Test
    void an_agent_without_an_open_line_is_refused_and_nothing_is_dialled() {
        world.agent("a1", "support", AgentState.AVAILABLE);

        assertThat(world.dial("a1")).isEqualTo(new OutboundCalls.Dial.Refused("agent-line-not-open",
                ((OutboundCalls.Dial.Refused) world.dial("a1")).message()));
        assertThat(world.pbx.originates).isEmpty();
    }

    @Test
    void an_agent_who_is_not_available_is_refused() {
        nailedUp("a1");
        world.states.put("a1", AgentState.PAUSED, world.clock.instant());

        assertThat(world.dial("a1")).isInstanceOfSatisfying(OutboundCalls.Dial.Refused.class,
                refused -> assertThat(refused.errorId()).isEqualTo("agent-not-available"));
        assertThat(world.pbx.originates).isEmpty();
    }

    @Test
    void a_refused_originate_releases_the_agent() {
        nailedUp("a1");
        world.pbx.nextOriginate = new CommandResult.Failed("ami-action-failed", "no");

        assertThat(world.dial("a1")).isInstanceOfSatisfying(OutboundCalls.Dial.Refused.class,
                refused -> assertThat(refused.errorId()).isEqualTo("pbx-refused"));
        assertThat(world.stateOf("a1")).isEqualTo(AgentState.AVAILABLE);
        assertThat(world.outcome()).contains(OutboundOutcome.FAILED);
    }

    @Test
    void a_busy_customer_releases_the_agent_with_outcome_busy() {
        nailedUp("a1");
        world.dial("a1");

        world.originateFails(CALL, HangupCause.USER_BUSY);

        assertThat(world.stateOf("a1")).isEqualTo(AgentState.AVAILABLE);
        assertThat(world.outcome()).contains(OutboundOutcome.BUSY);
    }

    @Test
    void a_customer_who_never_answers_gives_outcome_no_answer() {
        nailedUp("a1");
        world.dial("a1");

        world.originateFails(CALL, HangupCause.NO_ANSWER);

        assertThat(world.outcome()).contains(OutboundOutcome.NO_ANSWER);
    }

    @Test
    void a_machine_releases_the_agent_at_once_and_the_call_ends_as_machine() {
        nailedUp("a1");
        world.dial("a1");

        world.amd(CALL, AmdResult.MACHINE);
        assertThat(world.stateOf("a1")).isEqualTo(AgentState.AVAILABLE);
        world.hangsUp(CALL, HangupCause.NORMAL_CLEARING);

        assertThat(world.outcome()).contains(OutboundOutcome.MACHINE);
        assertThat(world.stateOf("a1")).isEqualTo(AgentState.AVAILABLE);
    }

    @Test
    void a_person_joined_to_the_agent_puts_the_agent_on_the_call_then_in_wrap_up() {
        nailedUp("a1");
        world.dial("a1");

        world.amd(CALL, AmdResult.HUMAN);
        world.joined(CALL, "a1");
        assertThat(world.stateOf("a1")).isEqualTo(AgentState.ON_CALL);
        world.hangsUp(CALL, HangupCause.NORMAL_CLEARING);
        assertThat(world.stateOf("a1")).isEqualTo(AgentState.WRAP_UP);
        world.timersFire();

        assertThat(world.stateOf("a1")).isEqualTo(AgentState.AVAILABLE);
        assertThat(world.outcome()).contains(OutboundOutcome.COMPLETED);
        assertThat(world.outboundJournal).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("Dialled", "Detected", "Connected", "Ended");
    }

    @Test
    void a_person_who_is_never_connected_is_abandoned_and_the_agent_released() {
        nailedUp("a1");
        world.dial("a1");

        world.amd(CALL, AmdResult.NOTSURE);
        world.hangsUp(CALL, HangupCause.NORMAL_CLEARING);

        assertThat(world.outcome()).contains(OutboundOutcome.ABANDONED);
        assertThat(world.stateOf("a1")).isEqualTo(AgentState.AVAILABLE);
    }

    @Test
    void a_customer_sent_back_to_hold_because_the_agent_is_gone_is_hung_up() {
        nailedUp("a1");
        world.dial("a1");
        world.amd(CALL, AmdResult.HUMAN);

        world.backOnHold(CALL, HoldReason.NO_AGENT);

        assertThat(world.engine.inbound().tasks()).isEmpty();
    }

    @Test
    void an_agent_reserved_for_an_outbound_call_is_not_offered_inbound_calls() {
        nailedUp("a1");
        world.dial("a1");

        world.callArrives("c1", "support");

        assertThat(world.pbx.joins).isEmpty();
    }

    @Test
    void a_person_given_the_safe_harbour_message_frees_the_agent_at_once_and_is_recorded_as_abandoned() {
        nailedUp("a1");
        world.dial("a1");
        world.amd(CALL, AmdResult.HUMAN);

        world.safeHarbour(CALL, SafeHarbourReason.NOT_CONNECTED);
        assertThat(world.stateOf("a1")).isEqualTo(AgentState.AVAILABLE);
        world.hangsUp(CALL, HangupCause.NORMAL_CLEARING);

        assertThat(world.outcomes()).containsExactly(OutboundOutcome.ABANDONED);
        assertThat(world.stateOf("a1")).isEqualTo(AgentState.AVAILABLE);
    }

    @Test
    void a_join_that_comes_after_the_safe_harbour_message_does_not_put_the_agent_on_the_call() {
        nailedUp("a1");
        world.dial("a1");
        world.amd(CALL, AmdResult.NOTSURE);
        world.safeHarbour(CALL, SafeHarbourReason.NOT_CONNECTED);

        world.joined(CALL, "a1");

        assertThat(world.stateOf("a1")).isEqualTo(AgentState.AVAILABLE);
        assertThat(world.outboundJournal).noneMatch(OutboundEntry.Connected.class::isInstance);
    }

    @Test
    void a_machine_that_got_the_message_is_recorded_as_machine_message_not_machine() {
        nailedUp("a1");
        world.dial("a1");
        world.amd(CALL, AmdResult.MACHINE);

        world.machineMessageLeft(CALL);
        world.hangsUp(CALL, HangupCause.NORMAL_CLEARING);

        assertThat(world.outcomes()).containsExactly(OutboundOutcome.MACHINE_MESSAGE);
        assertThat(OutboundOutcome.MACHINE_MESSAGE.slug()).isEqualTo("machine-message");
        assertThat(world.stateOf("a1")).isEqualTo(AgentState.AVAILABLE);
    }

    @Test
    void a_transferred_call_is_recorded_as_transferred_and_its_agent_goes_to_wrap_up_not_on_call() {
        nailedUp("a1");
        world.dial("a1");
        world.amd(CALL, AmdResult.HUMAN);
        world.joined(CALL, "a1");

        world.transferred(CALL, "+442079460018");
        assertThat(world.stateOf("a1")).isEqualTo(AgentState.WRAP_UP);
        world.hangsUp(CALL, HangupCause.NORMAL_CLEARING);
        world.timersFire();

        assertThat(world.stateOf("a1")).isEqualTo(AgentState.AVAILABLE);
        assertThat(world.outcomes()).containsExactly(OutboundOutcome.TRANSFERRED);
        assertThat(world.outboundJournal).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("Dialled", "Detected", "Connected", "Transferred", "Ended");
        assertThat(world.outboundJournal.get(3).toString()).doesNotContain("2079460018");
    }
}
