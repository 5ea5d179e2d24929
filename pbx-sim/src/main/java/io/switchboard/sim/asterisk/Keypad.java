package io.switchboard.sim.asterisk;

import java.time.Duration;
import java.util.Optional;

/**
 * A caller's keys (DTMF) and {@code WaitExten}. Every key is reported as chan_sip/PJSIP report RFC 4733
 * digits, {@code DTMFBegin} then {@code DTMFEnd} (class {@code dtmf}, Direction {@code Received}); a key
 * pressed while the channel waits in {@code WaitExten} stops its music and goes on at that key's extension
 * of the current context, or {@code i} when there is none, at priority 1, as pbx.c does. Engine thread only.
 */
final class Keypad {

    /** How long the model holds a key down. */
    static final long KEY_MILLIS = 120;

    private Keypad() {
    }

    /** {@code WaitExten}: music on hold with its class, then {@code t} after the timeout. */
    static void waitExten(Calls calls, SimChannel c, Step.WaitExten step) {
        int generation = c.generation;
        c.mohClass = step.mohClass().apply(c);
        calls.emit("MusicOnHoldStart", c, "Class", c.mohClass);
        c.timer = calls.after(Duration.ofSeconds(step.seconds()), () -> {
            if (c.alive && c.generation == generation) {
                c.timer = null;
                goOn(calls, c, "t");
            }
        });
    }

    /** The caller on {@code c} presses {@code key} (one of 0-9 * # A-D). */
    static void press(Calls calls, SimChannel c, char key) {
        String digit = String.valueOf(key);
        calls.emit("DTMFBegin", c, "Digit", digit, "Direction", "Received");
        calls.emit("DTMFEnd", c, "Digit", digit, "DurationMs", Long.toString(KEY_MILLIS), "Direction", "Received");
        if (waitingInWaitExten(calls, c)) {
            c.cancelTimer();
            goOn(calls, c, calls.dialplan.find(c.context, digit).isPresent() ? digit : "i");
        }
    }

    private static boolean waitingInWaitExten(Calls calls, SimChannel c) {
        Optional<Extension> extension = calls.dialplan.find(c.context, c.exten);
        return c.alive && extension.isPresent() && c.priority >= 1 && c.priority <= extension.get().steps().size()
                && extension.get().steps().get(c.priority - 1) instanceof Step.WaitExten;
    }

    private static void goOn(Calls calls, SimChannel c, String exten) {
        calls.stopMusic(c);
        c.generation++;
        if (calls.dialplan.find(c.context, exten).isEmpty()) {
            c.priority++;
        } else {
            c.exten = exten;
            c.priority = 1;
        }
        calls.run(c);
    }
}
