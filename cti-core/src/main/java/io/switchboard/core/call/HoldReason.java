package io.switchboard.core.call;

/**
 * Why a caller who had left hold for an agent is waiting on hold again. The caller is still there; the
 * task goes back to routing, and the agent who missed it may be paused.
 */
public enum HoldReason {

    /** The agent's phone rang until the ring timeout and nobody answered. */
    NO_ANSWER,

    /** The agent's phone answered busy. */
    BUSY,

    /** The agent's phone could not be reached: not registered, unreachable, or the device does not exist. */
    UNAVAILABLE,

    /** The PBX or its trunk had no capacity to ring the agent's phone (circuits busy, overload). */
    CONGESTION,

    /** Switchboard sent the caller to ring an agent without naming a device to dial. */
    NO_DEVICE,

    /** The caller was sent to join a nailed-up agent who was not (or no longer) in their conference. */
    NO_AGENT,

    /** The nailed-up agent left their conference while talking to the caller; the caller stayed. */
    AGENT_LEFT,

    /** Switchboard itself put the caller back on hold, e.g. an agent's hold or a transfer back to the queue. */
    REQUESTED,

    /** Any other reason the PBX gave, e.g. a transfer that could not be dialled. */
    OTHER,

    /**
     * A customer called back for a queued callback answered and now waits on hold for the agent reserved for
     * them. The call is the one Switchboard originated with the dialplan variable {@code SWITCHBOARD_CALLBACK}
     * (FreeSWITCH: {@code switchboard_callback}) set to the id of the waiting call that asked for the callback;
     * the glue's outbound entry sends such a call straight to hold with this reason (Asterisk
     * {@code CallerOnHold} Reason {@code CALLBACK}), without answering-machine detection.
     */
    CALLBACK
}
