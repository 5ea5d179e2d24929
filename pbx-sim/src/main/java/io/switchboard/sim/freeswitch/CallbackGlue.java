package io.switchboard.sim.freeswitch;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The queued callback's part of {@code dialplan/freeswitch/dialplan/switchboard.xml}: the hold's digit binding,
 * {@code switchboard_hold_key} (run by it), {@code switchboard_callback} (the confirmation) and the first
 * condition of {@code switchboard_outbound} (an answered callback waits in hold with Reason CALLBACK).
 */
final class CallbackGlue {

    /** The digit-binding realm of the hold. */
    static final String REALM = "switchboard_hold";

    /** The confirmation without {@code switchboard_callback_message}: a stock sound. */
    static final String DEFAULT_MESSAGE = "ivr/ivr-thank_you.wav";

    private CallbackGlue() {
    }

    /** In {@code switchboard_hold}, before the event: a fresh binding of every key. */
    static void bindHoldKeys(List<DialplanAction> a) {
        a.add(new DialplanAction("clear_digit_action", REALM));
        a.add(new DialplanAction("bind_digit_action",
                REALM + ",~^[0-9*#]$,exec:execute_extension,switchboard_hold_key XML " + SwitchboardGlue.CONTEXT));
        a.add(new DialplanAction("digit_action_set_realm", REALM));
    }

    /** {@code switchboard_hold_key}: the key and the caller's number. */
    static void holdKey(List<DialplanAction> a) {
        a.add(new DialplanAction("event", "Event-Name=CUSTOM,Event-Subclass=switchboard::callback,"
                + "Switchboard-Digit=${last_matching_digits},Switchboard-Number=${caller_id_number}"));
    }

    /** {@code switchboard_callback}: the message, "goodbye", hang-up. */
    static void callback(List<DialplanAction> a, UnaryOperator<String> x) {
        if (x.apply("${switchboard_callback_message}").isEmpty()) {
            a.add(new DialplanAction("set", "switchboard_callback_message=" + DEFAULT_MESSAGE));
        }
        a.add(new DialplanAction("clear_digit_action", REALM));
        a.add(new DialplanAction("unset", "transfer_after_bridge"));
        a.add(new DialplanAction("playback", "${switchboard_callback_message}"));
        a.add(new DialplanAction("playback", "voicemail/vm-goodbye.wav"));
        a.add(new DialplanAction("hangup", "NORMAL_CLEARING"));
    }

    /** {@code switchboard_outbound}'s first condition; true if it matched (break on-true). */
    static boolean callbackAnswered(List<DialplanAction> a, UnaryOperator<String> x) {
        if (x.apply("${switchboard_callback}").isEmpty()) {
            return false;
        }
        a.add(new DialplanAction("set", "switchboard_hold_reason=CALLBACK"));
        a.add(new DialplanAction("transfer", "switchboard_hold XML " + SwitchboardGlue.CONTEXT));
        return true;
    }
}
