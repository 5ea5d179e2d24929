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
    /** How far into a prompt that reads a key the model's person presses it. */
    static final Duration PROMPT_KEY = Duration.ofSeconds(1);

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

    /**
     * {@code Read} of one key: the prompt is played ({@link SimChannel#played}); the phone's next key (if it has
     * one) is pressed {@link #PROMPT_KEY} into it, stopping it, and Read sets the variable to it and
     * {@code READSTATUS} OK; a phone with no key left lets the prompt run out and the timeout pass, and Read sets
     * the variable empty and {@code READSTATUS} TIMEOUT. Real Read plays the prompt for its length: the model
     * gives it none.
     */
    static void read(Calls calls, SimChannel c, Step.Read step) {
        int generation = c.generation;
        c.played.add(step.prompt().apply(c));
        boolean presses = !c.keys.isEmpty();
        c.timer = calls.after(presses ? PROMPT_KEY : Duration.ofSeconds(step.timeout()), () -> {
            if (!c.alive || c.generation != generation) {
                return;
            }
            String key = "";
            if (presses && !c.keys.isEmpty()) {
                key = c.keys.substring(0, 1);
                c.keys = c.keys.substring(1);
                calls.emit("DTMFBegin", c, "Digit", key, "Direction", "Received");
                calls.emit("DTMFEnd", c, "Digit", key, "DurationMs", Long.toString(KEY_MILLIS), "Direction", "Received");
            }
            calls.setVariable(c, step.variable(), key);
            calls.setVariable(c, "READSTATUS", key.isEmpty() ? "TIMEOUT" : "OK");
            calls.resume(c, generation);
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
