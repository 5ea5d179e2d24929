package io.switchboard.ami.translate;

import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.event.PbxEvent.CallbackRequested;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hold glue's CallbackRequested UserEvent ({@code extensions_switchboard.conf}), which no recording shows yet:
 * written in wire form with only its custom fields besides the standard channel headers.
 */
class CallbackGlueTranslationTest {

    static final String CALLER = "PJSIP/trunk-00000011";
    static final String CALLER_ID = "1800000300.11";
    static final CallId CALL = CallId.of("pbx1/" + CALLER_ID);
    static final LegId LEG = LegId.of("pbx1/" + CALLER_ID);

    @Test
    void a_key_pressed_on_hold_is_reported_on_the_callers_leg_with_the_number_to_call_back() {
        Replay replay = Replay.ofWire(Wire.newChannel(CALLER, CALLER_ID, CALLER_ID, "switchboard-hold"),
                Wire.userEvent("CallbackRequested", CALLER, CALLER_ID, CALLER_ID, "Digit: 1",
                        "Number: +442079460123"));

        assertThat(replay.only(CallbackRequested.class)).singleElement().satisfies(requested -> {
            assertThat(requested.call()).isEqualTo(CALL);
            assertThat(requested.leg()).isEqualTo(LEG);
            assertThat(requested.digit()).isEqualTo('1');
            assertThat(requested.number()).contains(PhoneNumber.parse("+442079460123", "number"));
        });
    }

    @Test
    void without_a_number_the_callers_own_is_called_back() {
        Replay replay = Replay.ofWire(Wire.newChannel(CALLER, CALLER_ID, CALLER_ID, "switchboard-hold"),
                Wire.userEvent("CallbackRequested", CALLER, CALLER_ID, CALLER_ID, "Digit: #", "Number: "));

        assertThat(replay.only(CallbackRequested.class)).singleElement()
                .satisfies(requested -> assertThat(requested.number()).isEqualTo(Optional.empty()));
    }

    @Test
    void a_missing_or_odd_digit_or_an_unknown_channel_is_counted_not_reported() {
        Replay replay = Replay.ofWire(Wire.newChannel(CALLER, CALLER_ID, CALLER_ID, "switchboard-hold"),
                Wire.userEvent("CallbackRequested", CALLER, CALLER_ID, CALLER_ID, "Digit: 12"),
                Wire.userEvent("CallbackRequested", CALLER, CALLER_ID, CALLER_ID, "Digit: A"),
                Wire.userEvent("CallbackRequested", "PJSIP/x-1", "1.1", "1.1", "Digit: 1"));

        assertThat(replay.only(CallbackRequested.class)).isEmpty();
        assertThat(replay.translator().skipped())
                .containsEntry("UserEvent:CallbackRequested(no valid Digit)", 2L)
                .containsEntry("UserEvent:CallbackRequested(unknown channel)", 1L);
    }
}
