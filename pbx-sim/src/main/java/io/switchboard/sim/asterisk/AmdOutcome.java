package io.switchboard.sim.asterisk;

import java.time.Duration;

/**
 * What Asterisk's {@code AMD()} (sample {@code amd.conf}) decides about an answered phone, after
 * how long, and with which {@code AMDCAUSE} (Quirk 28, fixtures 10b/10c/10d). AMD sends no event
 * of its own: the result shows as VarSet AMDSTATUS and AMDCAUSE, then the dialplan goes on.
 */
public enum AmdOutcome {

    /** A short greeting then silence: {@code HUMAN}, cause {@code HUMAN-810-800}, after 1.59 s (10c). */
    HUMAN(Duration.ofMillis(1590), "HUMAN-810-800"),

    /** Silence from the start (a machine waiting for the beep): {@code MACHINE}, {@code INITIALSILENCE-2520-2500}, after 2.49 s (10b). */
    MACHINE(Duration.ofMillis(2490), "INITIALSILENCE-2520-2500"),

    /** No audio at all: {@code NOTSURE}, {@code TOOLONG-4900} (not NOAUDIODATA), after 5.01 s (10d). */
    NOTSURE(Duration.ofMillis(5010), "TOOLONG-4900");

    private final Duration analysis;
    private final String cause;

    AmdOutcome(Duration analysis, String cause) {
        this.analysis = analysis;
        this.cause = cause;
    }

    /** Time from answer to the decision, before the simulator's time scale. */
    public Duration analysis() {
        return analysis;
    }

    /** The {@code AMDCAUSE} value. */
    public String cause() {
        return cause;
    }
}
