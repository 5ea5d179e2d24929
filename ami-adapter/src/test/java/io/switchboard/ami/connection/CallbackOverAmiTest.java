package io.switchboard.ami.connection;

import static io.switchboard.ami.connection.SimulatedPbx.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.call.HoldReason;
import io.switchboard.core.event.PbxEvent;
import io.switchboard.core.id.CallId;
import org.asteriskjava.manager.action.OriginateAction;
import org.junit.jupiter.api.Test;

import java.util.Map;

/**
 * The queued callback's glue through the real adapter and pbx-sim's Asterisk: a key in hold becomes
 * {@code CallbackRequested} for the waiting call, and an answered callback originate waits in hold as
 * {@code CallReturnedToHold(CALLBACK)} under the originate's own call id.
 */
class CallbackOverAmiTest {

    @Test
    void a_key_pressed_in_hold_is_a_callback_request_of_the_waiting_call_which_keeps_waiting() throws Exception {
        try (SimulatedPbx pbx = SimulatedPbx.attached()) {
            String channel = pbx.callOnHold("+442079460123");
            CallId call = pbx.callOf(channel);

            pbx.sim().callerPresses(channel, '1');

            await("CallbackRequested", () -> pbx.count(PbxEvent.CallbackRequested.class) == 1);
            PbxEvent.CallbackRequested requested = pbx.published.stream()
                    .filter(PbxEvent.CallbackRequested.class::isInstance).map(PbxEvent.CallbackRequested.class::cast)
                    .findFirst().orElseThrow();
            assertThat(requested.call()).isEqualTo(call);
            assertThat(requested.leg()).isEqualTo(pbx.legOf(channel));
            assertThat(requested.digit()).isEqualTo('1');
            assertThat(requested.number()).hasValueSatisfying(n -> assertThat(n.e164()).isEqualTo("+442079460123"));
            pbx.awaitOnHold(channel);
            assertThat(pbx.count(PbxEvent.CallReturnedToHold.class)).isZero();
            assertThat(pbx.count(PbxEvent.CallOffered.class)).isEqualTo(1);
        }
    }

    @Test
    void an_answered_callback_waits_in_hold_under_the_originates_call_id_with_reason_callback() throws Exception {
        try (SimulatedPbx pbx = SimulatedPbx.attached()) {
            OriginateAction originate = new OriginateAction();
            originate.setChannel("SIP/2001");
            originate.setContext("switchboard-outbound");
            originate.setExten("s");
            originate.setPriority(1);
            originate.setAsync(true);
            originate.setTimeout(15_000L);
            originate.setChannelId("callback-7");
            originate.setVariables(Map.of("SWITCHBOARD_CALLBACK", "pbx1/1700000000.0"));
            pbx.connection.send(originate, response -> { });

            await("CallReturnedToHold", () -> pbx.count(PbxEvent.CallReturnedToHold.class) == 1);
            PbxEvent.CallReturnedToHold back = pbx.published.stream()
                    .filter(PbxEvent.CallReturnedToHold.class::isInstance).map(PbxEvent.CallReturnedToHold.class::cast)
                    .findFirst().orElseThrow();
            assertThat(back.call()).isEqualTo(CallId.of("pbx1/callback-7"));
            assertThat(back.reason()).isEqualTo(HoldReason.CALLBACK);
            assertThat(pbx.count(PbxEvent.AnsweringMachineDetected.class)).isZero();
        }
    }
}
