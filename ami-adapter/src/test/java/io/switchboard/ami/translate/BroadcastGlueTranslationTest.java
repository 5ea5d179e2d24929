package io.switchboard.ami.translate;

import io.switchboard.core.event.PbxEvent.BroadcastPlayed;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The glue's BroadcastPlayed UserEvent (an agentless campaign's live answer heard the message), which no recording
 * shows yet: written in wire form with only its custom field besides the standard channel headers.
 */
class BroadcastGlueTranslationTest {

    static final String CUSTOMER = "PJSIP/trunk-00000011";
    static final String CUSTOMER_ID = "1800000300.11";

    @ParameterizedTest(name = "Status ''{0}'' opted out: {1}")
    @CsvSource({"HEARD, false", "OPTEDOUT, true", "'', false"})
    void a_broadcast_heard_on_the_customers_leg_says_whether_the_callee_opted_out(String status, boolean optedOut) {
        Replay replay = Replay.ofWire(Wire.newChannel(CUSTOMER, CUSTOMER_ID, CUSTOMER_ID, "switchboard-outbound"),
                Wire.userEvent("BroadcastPlayed", CUSTOMER, CUSTOMER_ID, CUSTOMER_ID, "Status: " + status));

        assertThat(replay.only(BroadcastPlayed.class)).singleElement().satisfies(played -> {
            assertThat(played.call().value()).isEqualTo("pbx1/" + CUSTOMER_ID);
            assertThat(played.leg().value()).isEqualTo("pbx1/" + CUSTOMER_ID);
            assertThat(played.optedOut()).isEqualTo(optedOut);
        });
    }
}
