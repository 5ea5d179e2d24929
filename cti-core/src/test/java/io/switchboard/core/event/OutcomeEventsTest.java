package io.switchboard.core.event;

import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;
import io.switchboard.core.id.PbxId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/** The events that tell how a call left Switchboard: safe harbour, a message on a machine, a transfer. */
class OutcomeEventsTest {

    private static final PbxId PBX = PbxId.of("asterisk-1");
    private static final Instant NINE = Instant.parse("2026-11-24T09:00:00Z");
    private static final CallId CALL = CallId.of("c1");
    private static final LegId LEG = LegId.of("l1");

    @Test
    void a_safe_harbour_says_why_and_may_name_the_agent_the_call_was_for() {
        PbxEvent.SafeHarbourPlayed played = new PbxEvent.SafeHarbourPlayed(PBX, NINE, CALL, LEG,
                Optional.of(AgentId.of("a1")), SafeHarbourReason.AGENT_ABSENT);

        assertThat(played.agent()).contains(AgentId.of("a1"));
        assertThatNullPointerException()
                .isThrownBy(() -> new PbxEvent.SafeHarbourPlayed(PBX, NINE, CALL, LEG, Optional.empty(), null))
                .withMessage("reason must not be null");
        assertThatNullPointerException()
                .isThrownBy(() -> new PbxEvent.SafeHarbourPlayed(PBX, NINE, CALL, LEG, null, SafeHarbourReason.NO_AGENT))
                .withMessage("agent must not be null");
    }

    @Test
    void a_message_left_on_a_machine_names_the_customer_leg() {
        assertThatNullPointerException()
                .isThrownBy(() -> new PbxEvent.MachineMessageLeft(PBX, NINE, CALL, null))
                .withMessage("leg must not be null");
    }

    @Test
    void a_transfer_needs_a_target_and_never_shows_its_number_in_full() {
        PbxEvent.CallTransferred transferred = new PbxEvent.CallTransferred(PBX, NINE, CALL, LEG,
                new TransferTarget("+442079460018", "from-internal"));

        assertThat(transferred.target().number()).isEqualTo("+442079460018");
        assertThat(transferred.toString()).contains("+44********18@from-internal").doesNotContain("2079460018");
        assertThatNullPointerException()
                .isThrownBy(() -> new PbxEvent.CallTransferred(PBX, NINE, CALL, LEG, null))
                .withMessage("target must not be null");
    }

    @ParameterizedTest(name = "{0} is logged as {1}")
    @CsvSource({"+442079460018, +44********18", "02079460018, 02*******18", "200, ***", "1234567, *******",
            "*72, ***"})
    void transfer_numbers_are_masked_keeping_at_most_the_first_and_last_two_characters(String number, String masked) {
        assertThat(new TransferTarget(number, "default").maskedNumber()).isEqualTo(masked);
        assertThat(new TransferTarget(number, "default").toString()).isEqualTo(masked + "@default");
    }

    @Test
    void a_transfer_target_holds_only_what_a_dialplan_can_dial_and_names_its_context() {
        assertThat(new TransferTarget(" 2000 ", " default ")).isEqualTo(new TransferTarget("2000", "default"));
        assertThatIllegalArgumentException().isThrownBy(() -> new TransferTarget("20 00", "default"))
                .withMessageStartingWith("number may hold only");
        assertThatIllegalArgumentException().isThrownBy(() -> new TransferTarget("2000", " "))
                .withMessage("context must not be blank");
        assertThatIllegalArgumentException().isThrownBy(() -> new TransferTarget("1".repeat(65), "default"))
                .withMessage("number must be at most 64 characters, was 65");
    }
}
