package io.switchboard.queue.routing;

import io.switchboard.core.call.AmdResult;
import io.switchboard.core.call.HangupCause;
import io.switchboard.core.event.SafeHarbourReason;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.LegId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/** How an outbound call's end is named from what was seen of it: the outcome the call record keeps. */
class OutboundProgressTest {

    private final OutboundProgress call = new OutboundProgress(AgentId.of("a1"), LegId.of("pbx1/out-1-agent"));

    @ParameterizedTest(name = "safe harbour for {0} ends as abandoned")
    @EnumSource(SafeHarbourReason.class)
    void a_person_given_the_safe_harbour_message_is_abandoned_whatever_the_reason(SafeHarbourReason reason) {
        call.detected(AmdResult.HUMAN);
        call.safeHarbour(reason);

        assertThat(call.outcomeOnHangUp(HangupCause.NORMAL_CLEARING)).isEqualTo(OutboundOutcome.ABANDONED);
    }

    @Test
    void a_safe_harbour_without_a_detection_verdict_is_still_abandoned_not_hung_up() {
        call.answered();
        call.safeHarbour(SafeHarbourReason.NO_AGENT);

        assertThat(call.outcomeOnHangUp(HangupCause.NORMAL_CLEARING)).isEqualTo(OutboundOutcome.ABANDONED);
    }

    @Test
    void a_late_join_after_the_safe_harbour_message_does_not_make_the_call_completed() {
        call.detected(AmdResult.NOTSURE);
        call.safeHarbour(SafeHarbourReason.NOT_CONNECTED);

        assertThat(call.connect()).isFalse();
        assertThat(call.outcomeOnHangUp(HangupCause.NORMAL_CLEARING)).isEqualTo(OutboundOutcome.ABANDONED);
    }

    @Test
    void a_machine_that_got_the_message_is_machine_message_and_one_hung_up_on_is_machine() {
        OutboundProgress hungUpOn = new OutboundProgress(AgentId.of("a2"), LegId.of("pbx1/out-2-agent"));
        hungUpOn.detected(AmdResult.MACHINE);
        call.detected(AmdResult.MACHINE);
        call.messageLeft();

        assertThat(call.outcomeOnHangUp(HangupCause.NORMAL_CLEARING)).isEqualTo(OutboundOutcome.MACHINE_MESSAGE);
        assertThat(hungUpOn.outcomeOnHangUp(HangupCause.NORMAL_CLEARING)).isEqualTo(OutboundOutcome.MACHINE);
    }

    @Test
    void a_message_left_is_machine_message_even_when_the_machine_verdict_was_missed() {
        call.messageLeft();

        assertThat(call.outcomeOnHangUp(HangupCause.NORMAL_CLEARING)).isEqualTo(OutboundOutcome.MACHINE_MESSAGE);
    }

    @Test
    void a_connected_call_is_completed_and_a_person_never_connected_is_abandoned() {
        OutboundProgress neverConnected = new OutboundProgress(AgentId.of("a2"), LegId.of("pbx1/out-2-agent"));
        neverConnected.detected(AmdResult.HUMAN);
        call.detected(AmdResult.HUMAN);

        assertThat(call.connect()).isTrue();
        assertThat(call.connect()).as("a second join is not new").isFalse();
        assertThat(call.outcomeOnHangUp(HangupCause.NORMAL_CLEARING)).isEqualTo(OutboundOutcome.COMPLETED);
        assertThat(neverConnected.outcomeOnHangUp(HangupCause.NORMAL_CLEARING)).isEqualTo(OutboundOutcome.ABANDONED);
    }

    @ParameterizedTest(name = "unanswered, {0} ends as {1}")
    @CsvSource({"USER_BUSY, BUSY", "NO_ANSWER, NO_ANSWER", "NO_USER_RESPONSE, NO_ANSWER", "NORMAL_CLEARING, HUNG_UP",
            "UNALLOCATED_NUMBER, FAILED"})
    void a_call_never_answered_is_named_by_its_hang_up_cause(HangupCause cause, OutboundOutcome outcome) {
        assertThat(call.outcomeOnHangUp(cause)).isEqualTo(outcome);
    }

    @Test
    void an_answered_call_that_hangs_up_before_detection_is_hung_up() {
        call.answered();

        assertThat(call.outcomeOnHangUp(HangupCause.USER_BUSY)).isEqualTo(OutboundOutcome.HUNG_UP);
    }

    @Test
    void the_agent_is_released_once_only() {
        assertThat(call.release()).isTrue();
        assertThat(call.release()).isFalse();
    }
}
