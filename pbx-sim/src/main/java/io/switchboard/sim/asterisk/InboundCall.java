package io.switchboard.sim.asterisk;

import java.time.Duration;
import java.util.Objects;

/**
 * A caller dialling a DID: a chan_sip guest channel {@code SIP/<peer>-N} enters the glue's inbound
 * context at the DID (Quirk 19: CALLERID(dnid) is the DID).
 *
 * @param callerNum the caller's number
 * @param callerName the caller's name, may be empty
 * @param did the dialled number, the extension in the inbound context
 * @param peer the SIP peer the call comes from, e.g. {@code 127.0.0.1}
 * @param hangsUpAfterAnswer when the caller sends BYE, counted from the answer (sipp {@code -d}); null
 *     if it waits until hung up by someone else
 */
public record InboundCall(String callerNum, String callerName, String did, String peer,
        Duration hangsUpAfterAnswer) {

    /** Rejects nulls. */
    public InboundCall {
        Objects.requireNonNull(callerNum, "callerNum");
        Objects.requireNonNull(callerName, "callerName");
        Objects.requireNonNull(did, "did");
        Objects.requireNonNull(peer, "peer");
    }

    /** A caller who stays until hung up by someone else. */
    public InboundCall(String callerNum, String callerName, String did, String peer) {
        this(callerNum, callerName, did, peer, null);
    }

    /** A copy whose caller sends BYE {@code talk} after the call is answered. */
    public InboundCall hangingUpAfterAnswer(Duration talk) {
        return new InboundCall(callerNum, callerName, did, peer, talk);
    }

    /** A call from {@code 127.0.0.1}. */
    public static InboundCall of(String callerNum, String did) {
        return new InboundCall(callerNum, "", did, "127.0.0.1");
    }
}
