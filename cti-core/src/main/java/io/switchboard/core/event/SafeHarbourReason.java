package io.switchboard.core.event;

/**
 * Why an answered outbound call got the safe-harbour message instead of an agent. Whatever the reason, the
 * person who answered was not connected, so the call counts as abandoned.
 */
public enum SafeHarbourReason {

    /** The call named no agent to join (the dialer placed it without one). */
    NO_AGENT,

    /** The call's agent had no open line when the customer answered (not in their conference, or gone). */
    AGENT_ABSENT,

    /**
     * The agent's line was open, but Switchboard did not join the customer to it within the connect wait
     * (FreeSWITCH glue, {@code switchboard_connect_wait}, 2 s by default).
     */
    NOT_CONNECTED,

    /** A reason this version does not know, reported by a newer glue. */
    OTHER
}
