package io.switchboard.core.agent;

import io.switchboard.core.lifecycle.IllegalTransitionException;
import io.switchboard.core.lifecycle.Transition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import static io.switchboard.core.agent.AgentState.AVAILABLE;
import static io.switchboard.core.agent.AgentState.LOGGED_OUT;
import static io.switchboard.core.agent.AgentState.ON_CALL;
import static io.switchboard.core.agent.AgentState.PAUSED;
import static io.switchboard.core.agent.AgentState.RESERVED;
import static io.switchboard.core.agent.AgentState.WRAP_UP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AgentStatusTest {

    private static final Instant NINE = Instant.parse("2025-03-03T09:00:00Z");
    private static final Instant LATER = NINE.plusSeconds(30);

    @Test
    void an_agent_the_store_never_saw_is_logged_out_at_version_0() {
        AgentStatus status = AgentStatus.initial(NINE);

        assertThat(status.state()).isEqualTo(LOGGED_OUT);
        assertThat(status.version()).isZero();
        assertThat(status.reason()).isEmpty();
    }

    @Test
    void a_legal_move_returns_the_new_status_with_the_next_version_and_the_time_of_the_move() {
        AgentStatus available = in(AVAILABLE);

        AgentStatus reserved = available.moveTo(RESERVED, LATER).orElseThrow();

        assertThat(reserved.state()).isEqualTo(RESERVED);
        assertThat(reserved.since()).isEqualTo(LATER);
        assertThat(reserved.version()).isEqualTo(available.version() + 1);
    }

    @Test
    void an_agent_who_does_not_answer_is_paused_with_the_no_answer_reason() {
        AgentStatus paused = in(RESERVED).moveTo(PAUSED, ReasonCode.NO_ANSWER, LATER).orElseThrow();

        assertThat(paused.state()).isEqualTo(PAUSED);
        assertThat(paused.reason()).contains(ReasonCode.NO_ANSWER);
        assertThat(paused.isRoutable()).isFalse();
    }

    @Test
    void wrap_up_cannot_be_skipped_straight_to_reserved() {
        Transition<AgentStatus> move = in(WRAP_UP).moveTo(RESERVED, LATER);

        assertThat(move).isEqualTo(new Transition.Illegal<AgentStatus>("AgentState", WRAP_UP, RESERVED));
        Transition.Illegal<?> illegal = (Transition.Illegal<?>) move;
        assertThat(illegal.message()).isEqualTo("AgentState cannot move from WRAP_UP to RESERVED");
        assertThat(illegal.errorId()).isEqualTo("illegal-transition");
    }

    @Test
    void a_caller_that_treats_an_illegal_move_as_a_bug_gets_a_typed_exception() {
        assertThatThrownBy(() -> in(LOGGED_OUT).moveTo(ON_CALL, LATER).orElseThrow())
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessage("AgentState cannot move from LOGGED_OUT to ON_CALL");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "LOGGED_OUT, AVAILABLE", "LOGGED_OUT, PAUSED",
        "AVAILABLE, RESERVED", "AVAILABLE, ON_CALL", "AVAILABLE, PAUSED", "AVAILABLE, LOGGED_OUT",
        "RESERVED, ON_CALL", "RESERVED, AVAILABLE", "RESERVED, PAUSED", "RESERVED, LOGGED_OUT",
        "ON_CALL, WRAP_UP", "ON_CALL, AVAILABLE", "ON_CALL, PAUSED", "ON_CALL, LOGGED_OUT",
        "WRAP_UP, AVAILABLE", "WRAP_UP, PAUSED", "WRAP_UP, LOGGED_OUT",
        "PAUSED, AVAILABLE", "PAUSED, PAUSED", "PAUSED, LOGGED_OUT"})
    void these_moves_are_legal(AgentState from, AgentState to) {
        assertThat(in(from).moveTo(to, LATER).isMoved()).isTrue();
    }

    @Test
    void every_other_move_is_illegal() {
        Set<String> legal = Set.of(
                "LOGGED_OUT>AVAILABLE", "LOGGED_OUT>PAUSED",
                "AVAILABLE>RESERVED", "AVAILABLE>ON_CALL", "AVAILABLE>PAUSED", "AVAILABLE>LOGGED_OUT",
                "RESERVED>ON_CALL", "RESERVED>AVAILABLE", "RESERVED>PAUSED", "RESERVED>LOGGED_OUT",
                "ON_CALL>WRAP_UP", "ON_CALL>AVAILABLE", "ON_CALL>PAUSED", "ON_CALL>LOGGED_OUT",
                "WRAP_UP>AVAILABLE", "WRAP_UP>PAUSED", "WRAP_UP>LOGGED_OUT",
                "PAUSED>AVAILABLE", "PAUSED>PAUSED", "PAUSED>LOGGED_OUT");
        for (AgentState from : EnumSet.allOf(AgentState.class)) {
            for (AgentState to : EnumSet.allOf(AgentState.class)) {
                boolean expected = legal.contains(from + ">" + to);
                assertThat(in(from).moveTo(to, LATER).isMoved())
                        .as("%s -> %s", from, to)
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    void only_an_available_agent_is_routable_and_only_a_logged_out_one_is_not_logged_in() {
        assertThat(EnumSet.allOf(AgentState.class)).filteredOn(AgentState::isRoutable).containsExactly(AVAILABLE);
        assertThat(EnumSet.allOf(AgentState.class)).filteredOn(s -> !s.isLoggedIn()).containsExactly(LOGGED_OUT);
    }

    @Test
    void a_status_rejects_a_negative_version() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new AgentStatus(AVAILABLE, Optional.empty(), NINE, -1))
                .withMessageContaining("version");
    }

    @Test
    void a_reason_code_must_be_short_and_not_blank() {
        assertThatIllegalArgumentException().isThrownBy(() -> ReasonCode.of(" ")).withMessageContaining("reasonCode");
        assertThatIllegalArgumentException().isThrownBy(() -> ReasonCode.of("x".repeat(65)))
                .withMessageContaining("reasonCode");
    }

    private static AgentStatus in(AgentState state) {
        return new AgentStatus(state, Optional.empty(), NINE, 7);
    }
}
