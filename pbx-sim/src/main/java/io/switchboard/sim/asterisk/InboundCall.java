package io.switchboard.sim.asterisk;

import java.util.Objects;

/**
 * A caller dialling a DID: a chan_sip guest channel {@code SIP/<peer>-N} enters the glue's inbound
 * context at the DID (Quirk 19: CALLERID(dnid) is the DID).
 *
 * @param callerNum the caller's number
 * @param callerName the caller's name, may be empty
 * @param did the dialled number, the extension in the inbound context
 * @param peer the SIP peer the call comes from, e.g. {@code 127.0.0.1}
 */
public record InboundCall(String callerNum, String callerName, String did, String peer) {

    /** Rejects nulls. */
    public InboundCall {
        Objects.requireNonNull(callerNum, "callerNum");
        Objects.requireNonNull(callerName, "callerName");
        Objects.requireNonNull(did, "did");
        Objects.requireNonNull(peer, "peer");
    }

    /** A call from {@code 127.0.0.1}. */
    public static InboundCall of(String callerNum, String did) {
        return new InboundCall(callerNum, "", did, "127.0.0.1");
    }
}
