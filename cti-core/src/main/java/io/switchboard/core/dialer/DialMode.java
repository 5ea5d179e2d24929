package io.switchboard.core.dialer;

/** How a campaign's dialer decides when and how much to dial. */
public enum DialMode {

    /**
     * The agent is reserved first and sees the lead (a screen pop) before the
     * call; the call is placed when the agent chooses to dial or skip. Never abandons.
     */
    PREVIEW,

    /**
     * One call per available agent: the agent is reserved, then the dialer
     * dials immediately without a preview. Never abandons.
     */
    PROGRESSIVE,

    /**
     * A fixed number of calls per available agent (the dial ratio, above 1),
     * set by the admin. Answers with no free agent count as abandoned.
     */
    POWER,

    /**
     * The dialer adjusts the dial ratio from live answer rates and talk times
     * to keep agents busy while holding the abandon rate under the campaign's
     * target. Answers with no free agent count as abandoned.
     */
    PREDICTIVE,

    /** No agent: an answered call hears a recorded message or an IVR. */
    AGENTLESS;

    /** Whether the agent is reserved before the customer is dialled, so the call can never be abandoned. */
    public boolean reservesAgentFirst() {
        return this == PREVIEW || this == PROGRESSIVE;
    }

    /** Whether the mode can dial more customers than there are free agents. */
    public boolean canAbandon() {
        return this == POWER || this == PREDICTIVE;
    }
}
