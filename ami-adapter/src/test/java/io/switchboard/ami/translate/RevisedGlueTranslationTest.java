package io.switchboard.ami.translate;

import io.switchboard.core.call.Did;
import io.switchboard.core.call.HoldReason;
import io.switchboard.core.event.PbxEvent.CallOffered;
import io.switchboard.core.event.PbxEvent.CallReturnedToHold;
import io.switchboard.core.event.PbxEvent.LegHungUp;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;
import io.switchboard.core.id.QueueId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The revised glue's UserEvents ({@code extensions_switchboard.conf}), which no recording shows yet: written
 * in wire form with only their custom fields besides the standard channel headers.
 */
class RevisedGlueTranslationTest {

    static final String CUSTOMER = "PJSIP/trunk-00000000";
    static final String CUSTOMER_ID = "1800000000.0";
    static final String AGENT_PHONE = "PJSIP/1001-00000001";
    static final String AGENT_PHONE_ID = "1800000000.1";
    static final CallId CALL = CallId.of("pbx1/" + CUSTOMER_ID);

    @Test
    void an_inbound_call_to_a_did_is_offered_with_its_queue_hint() {
        Replay replay = Replay.ofWire(Wire.newChannel(CUSTOMER, CUSTOMER_ID, CUSTOMER_ID, "switchboard-inbound"),
                Wire.userEvent("InboundCall", CUSTOMER, CUSTOMER_ID, CUSTOMER_ID, "DNID: 4930123456", "Queue: billing"),
                Wire.userEvent("CallerOnHold", CUSTOMER, CUSTOMER_ID, CUSTOMER_ID,
                        "DNID: 4930123456", "Queue: billing", "Reason: NEW"));

        assertThat(replay.only(CallOffered.class)).singleElement().satisfies(offered -> {
            assertThat(offered.call()).isEqualTo(CALL);
            assertThat(offered.dialled()).isEqualTo(Did.of("4930123456"));
            assertThat(offered.queueHint()).contains(QueueId.of("billing"));
        });
        assertThat(replay.only(CallReturnedToHold.class)).isEmpty();
    }

    @ParameterizedTest(name = "DIALSTATUS {0} puts the caller back on hold as {1}")
    @CsvSource({"NOANSWER, NO_ANSWER", "BUSY, BUSY", "CHANUNAVAIL, UNAVAILABLE", "CONGESTION, CONGESTION"})
    void a_failed_agent_dial_puts_the_caller_back_on_hold_naming_the_agent_leg(String dialStatus, HoldReason reason) {
        Replay replay = Replay.ofWire(Wire.newChannel(CUSTOMER, CUSTOMER_ID, CUSTOMER_ID, "switchboard-inbound"),
                Wire.userEvent("InboundCall", CUSTOMER, CUSTOMER_ID, CUSTOMER_ID, "DNID: 100", "Queue: support"),
                Wire.newChannel(AGENT_PHONE, AGENT_PHONE_ID, CUSTOMER_ID, "from-internal"),
                Wire.dialEnd(CUSTOMER, CUSTOMER_ID, AGENT_PHONE, AGENT_PHONE_ID, dialStatus),
                Wire.userEvent("AgentDialResult", CUSTOMER, CUSTOMER_ID, CUSTOMER_ID,
                        "DialStatus: " + dialStatus, "Agent: a1"),
                Wire.userEvent("CallerOnHold", CUSTOMER, CUSTOMER_ID, CUSTOMER_ID,
                        "DNID: 100", "Queue: support", "Reason: " + dialStatus));

        assertThat(replay.only(LegHungUp.class)).extracting(LegHungUp::leg)
                .containsExactly(LegId.of("pbx1/" + AGENT_PHONE_ID));
        assertThat(replay.only(CallReturnedToHold.class)).singleElement().satisfies(back -> {
            assertThat(back.call()).isEqualTo(CALL);
            assertThat(back.leg()).contains(LegId.of("pbx1/" + AGENT_PHONE_ID));
            assertThat(back.reason()).isEqualTo(reason);
        });
    }

    @ParameterizedTest(name = "Reason {0} is {1}, with no agent leg")
    @CsvSource({"INVALIDARGS, NO_DEVICE", "NOAGENT, NO_AGENT", "AGENTLEFT, AGENT_LEFT", "HOLD, REQUESTED",
            "TRANSFER, REQUESTED", "NOTRANSFERCONTEXT, OTHER", "CALLBACK, CALLBACK"})
    void a_caller_back_on_hold_for_other_reasons_names_no_agent_leg(String glueReason, HoldReason reason) {
        Replay replay = Replay.ofWire(Wire.newChannel(CUSTOMER, CUSTOMER_ID, CUSTOMER_ID, "switchboard-inbound"),
                Wire.userEvent("InboundCall", CUSTOMER, CUSTOMER_ID, CUSTOMER_ID, "DNID: 100", "Queue: support"),
                Wire.userEvent("CallerOnHold", CUSTOMER, CUSTOMER_ID, CUSTOMER_ID,
                        "DNID: 100", "Queue: support", "Reason: " + glueReason));

        assertThat(replay.only(CallReturnedToHold.class)).singleElement().satisfies(back -> {
            assertThat(back.leg()).isEmpty();
            assertThat(back.reason()).isEqualTo(reason);
        });
    }


    @Test
    void a_caller_back_from_a_wait_announcement_is_neither_a_new_call_nor_a_return() {
        Replay replay = Replay.ofWire(Wire.newChannel(CUSTOMER, CUSTOMER_ID, CUSTOMER_ID, "switchboard-inbound"),
                Wire.userEvent("InboundCall", CUSTOMER, CUSTOMER_ID, CUSTOMER_ID, "DNID: 100", "Queue: support"),
                Wire.userEvent("CallerOnHold", CUSTOMER, CUSTOMER_ID, CUSTOMER_ID,
                        "DNID: 100", "Queue: support", "Reason: ANNOUNCED"));

        assertThat(replay.only(CallOffered.class)).hasSize(1);
        assertThat(replay.only(CallReturnedToHold.class)).isEmpty();
    }
}
