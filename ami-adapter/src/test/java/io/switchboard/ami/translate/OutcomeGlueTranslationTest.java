package io.switchboard.ami.translate;

import io.switchboard.core.event.PbxEvent.CallTransferred;
import io.switchboard.core.event.PbxEvent.SafeHarbourPlayed;
import io.switchboard.core.event.SafeHarbourReason;
import io.switchboard.core.event.TransferTarget;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The glue's SafeHarbour and CallTransferred UserEvents ({@code extensions_switchboard.conf}), which no recording
 * shows yet: written in wire form with only their custom fields besides the standard channel headers.
 */
class OutcomeGlueTranslationTest {

    static final String CUSTOMER = "PJSIP/trunk-00000010";
    static final String CUSTOMER_ID = "1800000200.10";
    static final CallId CALL = CallId.of("pbx1/" + CUSTOMER_ID);
    static final LegId LEG = LegId.of("pbx1/" + CUSTOMER_ID);

    @ParameterizedTest(name = "Agent ''{0}'' Reason ''{1}'' is safe harbour {2}")
    @CsvSource({"a1, AGENTABSENT, AGENT_ABSENT", "'', NOAGENT, NO_AGENT", "a1, SOMETHINGNEW, OTHER", "a1, '', OTHER"})
    void an_answered_call_given_the_safe_harbour_message_is_reported_with_why_even_when_the_reason_is_unknown(
            String agent, String reason, SafeHarbourReason expected) {
        Replay replay = Replay.ofWire(Wire.newChannel(CUSTOMER, CUSTOMER_ID, CUSTOMER_ID, "switchboard-outbound"),
                Wire.userEvent("SafeHarbour", CUSTOMER, CUSTOMER_ID, CUSTOMER_ID, "Agent: " + agent, "Reason: " + reason));

        assertThat(replay.only(SafeHarbourPlayed.class)).singleElement().satisfies(played -> {
            assertThat(played.call()).isEqualTo(CALL);
            assertThat(played.leg()).isEqualTo(LEG);
            assertThat(played.agent()).isEqualTo(agent.isEmpty() ? Optional.empty() : Optional.of(AgentId.of(agent)));
            assertThat(played.reason()).isEqualTo(expected);
        });
    }

    @Test
    void a_blind_transfer_names_the_number_and_the_admin_context_and_is_logged_masked() {
        Replay replay = Replay.ofWire(Wire.newChannel(CUSTOMER, CUSTOMER_ID, CUSTOMER_ID, "switchboard-inbound"),
                Wire.userEvent("CallTransferred", CUSTOMER, CUSTOMER_ID, CUSTOMER_ID, "Target: 02079460018",
                        "TargetContext: from-internal"));

        assertThat(replay.only(CallTransferred.class)).singleElement().satisfies(transferred -> {
            assertThat(transferred.call()).isEqualTo(CALL);
            assertThat(transferred.leg()).isEqualTo(LEG);
            assertThat(transferred.target()).isEqualTo(new TransferTarget("02079460018", "from-internal"));
            assertThat(transferred.toString()).doesNotContain("02079460018");
        });
    }

    @Test
    void a_transfer_without_a_context_is_counted_not_reported() {
        Replay replay = Replay.ofWire(Wire.newChannel(CUSTOMER, CUSTOMER_ID, CUSTOMER_ID, "switchboard-inbound"),
                Wire.userEvent("CallTransferred", CUSTOMER, CUSTOMER_ID, CUSTOMER_ID, "Target: 2000", "TargetContext: "));

        assertThat(replay.only(CallTransferred.class)).isEmpty();
        assertThat(replay.translator().skipped())
                .containsEntry("UserEvent:CallTransferred(no valid Target or TargetContext)", 1L);
    }

    @Test
    void an_outcome_on_a_channel_the_registry_never_saw_is_counted_not_reported() {
        Replay replay = Replay.ofWire(
                Wire.userEvent("SafeHarbour", CUSTOMER, CUSTOMER_ID, CUSTOMER_ID, "Agent: a1", "Reason: NOAGENT"),
                Wire.userEvent("AMDMessageLeft", CUSTOMER, CUSTOMER_ID, CUSTOMER_ID));

        assertThat(replay.events()).isEmpty();
        assertThat(replay.translator().skipped()).containsEntry("UserEvent:SafeHarbour(unknown channel)", 1L)
                .containsEntry("UserEvent:AMDMessageLeft(unknown channel)", 1L);
    }
}
