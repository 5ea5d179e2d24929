package io.switchboard.core.agent;

/**
 * What the PBX says about an agent's phone, independent of Switchboard's
 * routing state. An {@link #UNAVAILABLE} device makes Switchboard pause or log
 * out the agent; an {@link #IN_USE} device stops offers to an agent who placed
 * a call by hand.
 */
public enum DeviceState {

    /** Registered and not in a call. */
    IDLE,

    /** Ringing. */
    RINGING,

    /** In a call. */
    IN_USE,

    /** Busy, and refusing further calls. */
    BUSY,

    /** In a call that is on hold. */
    ON_HOLD,

    /** Not registered or unreachable. */
    UNAVAILABLE,

    /** The PBX does not know (e.g. right after it started). */
    UNKNOWN
}
