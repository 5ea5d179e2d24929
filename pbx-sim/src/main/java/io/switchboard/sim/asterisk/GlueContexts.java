package io.switchboard.sim.asterisk;

import java.util.Objects;

/**
 * The context names of Switchboard's dialplan glue.
 *
 * @param inbound where a DID enters ({@code switchboard-inbound})
 * @param hold where callers wait with music on hold ({@code switchboard-hold})
 * @param connect where a Redirect dials the agent ({@code switchboard-connect})
 */
public record GlueContexts(String inbound, String hold, String connect) {

    /** Rejects nulls. */
    public GlueContexts {
        Objects.requireNonNull(inbound, "inbound");
        Objects.requireNonNull(hold, "hold");
        Objects.requireNonNull(connect, "connect");
    }

    /** The names in the shipped {@code extensions_switchboard.conf}. */
    public static GlueContexts shipped() {
        return new GlueContexts("switchboard-inbound", "switchboard-hold", "switchboard-connect");
    }
}
