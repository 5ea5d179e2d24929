package io.switchboard.core.call;

/**
 * Why a leg ended, by its ITU-T Q.850 cause code, which both Asterisk and
 * FreeSWITCH report. Codes Switchboard does not act on map to {@link #OTHER}.
 */
public enum HangupCause {

    /** Q.850 1: the number does not exist. The dialer marks the lead's number as bad. */
    UNALLOCATED_NUMBER(1),

    /** Q.850 16: someone hung up after a normal conversation. */
    NORMAL_CLEARING(16),

    /** Q.850 17: the far end is busy. */
    USER_BUSY(17),

    /** Q.850 18: the far end did not respond to the call setup at all. */
    NO_USER_RESPONSE(18),

    /** Q.850 19: the far end rang but nobody answered before the ring timeout. */
    NO_ANSWER(19),

    /** Q.850 21: the far end rejected the call (e.g. the agent pressed decline). */
    CALL_REJECTED(21),

    /** Q.850 34: no circuit available on the trunk. */
    NO_CIRCUIT_AVAILABLE(34),

    /** Q.850 38: the network or trunk is down. */
    NETWORK_OUT_OF_ORDER(38),

    /** Q.850 41: a temporary failure; retrying later may work. */
    NORMAL_TEMPORARY_FAILURE(41),

    /** Q.850 42: the switching equipment is congested. */
    SWITCH_CONGESTION(42),

    /** FreeSWITCH 487: the calling side cancelled before answer (a caller abandoning a ringing call). */
    ORIGINATOR_CANCEL(487),

    /** Any other or missing cause code. */
    OTHER(0);

    private final int q850;

    HangupCause(int q850) {
        this.q850 = q850;
    }

    /** The cause code the PBX reports. */
    public int q850() {
        return q850;
    }

    /** The cause for a code reported by the PBX; {@link #OTHER} when Switchboard does not know it. */
    public static HangupCause fromQ850(int code) {
        for (HangupCause cause : values()) {
            if (cause.q850 == code) {
                return cause;
            }
        }
        return OTHER;
    }
}
