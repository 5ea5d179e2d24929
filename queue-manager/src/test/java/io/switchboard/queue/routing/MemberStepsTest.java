package io.switchboard.queue.routing;

import io.switchboard.core.agent.Agent;
import io.switchboard.core.agent.AgentState;
import io.switchboard.core.agent.AgentStatus;
import io.switchboard.core.agent.ReasonCode;
import io.switchboard.core.id.QueueId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Which status changes are membership steps, one for all the agent's queues. */
class MemberStepsTest {

    private static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");
    private static final Agent A1 = Agents.member("a1", "support", "sales");

    @Test
    void a_login_straight_into_a_pause_adds_the_agent_paused_to_every_queue() {
        assertThat(MemberSteps.between(A1, status(AgentState.LOGGED_OUT, null), status(AgentState.PAUSED, "lunch")))
                .get().isInstanceOfSatisfying(JournalEntry.MemberAdded.class, added -> {
                    assertThat(added.paused()).isTrue();
                    assertThat(added.queues()).containsExactly(QueueId.of("support"), QueueId.of("sales"));
                });
    }

    @Test
    void a_logout_while_paused_removes_the_agent_rather_than_unpausing_them() {
        assertThat(MemberSteps.between(A1, status(AgentState.PAUSED, "lunch"), status(AgentState.LOGGED_OUT, null)))
                .get().isInstanceOf(JournalEntry.MemberRemoved.class);
    }

    @Test
    void a_new_reason_for_a_paused_agent_is_a_pause_again() {
        assertThat(MemberSteps.between(A1, status(AgentState.PAUSED, "lunch"), status(AgentState.PAUSED, "training")))
                .get().isInstanceOfSatisfying(JournalEntry.Paused.class,
                        paused -> assertThat(paused.reason()).contains(ReasonCode.of("training")));
    }

    @Test
    void the_same_pause_stored_again_is_no_step() {
        assertThat(MemberSteps.between(A1, status(AgentState.PAUSED, "lunch"), status(AgentState.PAUSED, "lunch")))
                .isEmpty();
    }

    @Test
    void moves_between_working_states_are_no_step() {
        assertThat(MemberSteps.between(A1, status(AgentState.AVAILABLE, null), status(AgentState.RESERVED, null)))
                .isEmpty();
        assertThat(MemberSteps.between(A1, status(AgentState.WRAP_UP, null), status(AgentState.AVAILABLE, null)))
                .isEmpty();
    }

    @Test
    void the_step_happens_when_the_new_status_began() {
        AgentStatus paused = new AgentStatus(AgentState.PAUSED, Optional.empty(), T0.plusSeconds(5), 2);

        assertThat(MemberSteps.between(A1, status(AgentState.AVAILABLE, null), paused).orElseThrow().at())
                .isEqualTo(T0.plusSeconds(5));
    }

    private static AgentStatus status(AgentState state, String reason) {
        return new AgentStatus(state, Optional.ofNullable(reason).map(ReasonCode::of), T0, 1);
    }
}
