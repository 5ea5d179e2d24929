package io.switchboard.sim.asterisk;

import java.util.Objects;

/**
 * The context names of Switchboard's dialplan glue.
 *
 * @param inbound where a DID enters ({@code switchboard-inbound})
 * @param hold where callers wait with music on hold ({@code switchboard-hold})
 * @param connect where a Redirect dials the agent ({@code switchboard-connect})
 * @param join where a Redirect puts a held caller into the agent's conference ({@code switchboard-join})
 * @param agentSession where an originated agent leg sits in its conference ({@code switchboard-agent-session})
 * @param outbound where an answered outbound customer leg runs AMD ({@code switchboard-outbound})
 * @param features the feature codes the agents' phones dial, *70, *71 and *72 ({@code switchboard-features})
 * @param transfer where a Redirect sends a channel to be transferred to a number ({@code switchboard-transfer})
 */
public record GlueContexts(String inbound, String hold, String connect, String join, String agentSession,
        String outbound, String features, String transfer) {

    /** Rejects nulls. */
    public GlueContexts {
        Objects.requireNonNull(inbound, "inbound");
        Objects.requireNonNull(hold, "hold");
        Objects.requireNonNull(connect, "connect");
        Objects.requireNonNull(join, "join");
        Objects.requireNonNull(agentSession, "agentSession");
        Objects.requireNonNull(outbound, "outbound");
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(transfer, "transfer");
    }

    /** These names with the shipped transfer context {@code switchboard-transfer}. */
    public GlueContexts(String inbound, String hold, String connect, String join, String agentSession,
            String outbound, String features) {
        this(inbound, hold, connect, join, agentSession, outbound, features, "switchboard-transfer");
    }

    /** These names with the shipped feature code and transfer contexts. */
    public GlueContexts(String inbound, String hold, String connect, String join, String agentSession,
            String outbound) {
        this(inbound, hold, connect, join, agentSession, outbound, "switchboard-features");
    }

    /** The names in the shipped {@code extensions_switchboard.conf}. */
    public static GlueContexts shipped() {
        return new GlueContexts("switchboard-inbound", "switchboard-hold", "switchboard-connect", "switchboard-join",
                "switchboard-agent-session", "switchboard-outbound");
    }
}
