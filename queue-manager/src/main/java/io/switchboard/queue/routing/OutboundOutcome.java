package io.switchboard.queue.routing;

import java.util.Locale;

/** How an outbound call Switchboard placed for an agent ended; stored as the call's end reason. */
public enum OutboundOutcome {

    /** The customer talked to the agent; the call then ended (either side hung up). */
    COMPLETED,

    /** Answering-machine detection heard a machine; the glue hung up or left the configured message. */
    MACHINE,

    /** The customer's line was busy; the PBX never answered the call. */
    BUSY,

    /** The customer's phone rang until the ring timeout, or did not respond. */
    NO_ANSWER,

    /** The PBX could not place the call (bad number, congestion, trunk down) or refused the command. */
    FAILED,

    /**
     * A person answered but was never connected to the agent (the agent's line was gone: the safe-harbour
     * message played, or the join found no agent); counts as an abandoned call for compliance.
     */
    ABANDONED,

    /** The customer answered and hung up before answering-machine detection decided. */
    HUNG_UP;

    /** The spelling in the call record and the API: lower case, {@code -} for {@code _}. */
    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
