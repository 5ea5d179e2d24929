package io.switchboard.queue.routing;

import java.util.Locale;

/** How an outbound call Switchboard placed for an agent ended; stored as the call's end reason. */
public enum OutboundOutcome {

    /** The customer talked to the agent; the call then ended (either side hung up). */
    COMPLETED,

    /** Answering-machine detection heard a machine and the glue hung up on it without a message. */
    MACHINE,

    /** A machine answered and the glue left the configured message on it before hanging up. */
    MACHINE_MESSAGE,

    /** The customer's line was busy; the PBX never answered the call. */
    BUSY,

    /** The customer's phone rang until the ring timeout, or did not respond. */
    NO_ANSWER,

    /** The PBX could not place the call (bad number, congestion, trunk down) or refused the command. */
    FAILED,

    /**
     * A person answered but was never connected to the agent: the glue played the safe-harbour message (no
     * agent, the agent's line gone, or no join within the connect wait), or the person hung up first. Counts
     * as an abandoned call for the outbound abandonment rate.
     */
    ABANDONED,

    /** The customer answered and hung up before answering-machine detection decided. */
    HUNG_UP,

    /** The customer was blind-transferred away (the agent's part ended there; the leg went on outside). */
    TRANSFERRED;

    /** The spelling in the call record and the API: lower case, {@code -} for {@code _}. */
    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
