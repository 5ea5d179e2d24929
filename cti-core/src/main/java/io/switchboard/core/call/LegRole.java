package io.switchboard.core.call;

/** Who is on the far end of a call leg. */
public enum LegRole {

    /** The customer: the caller of an inbound call, the called party of an outbound one. */
    CUSTOMER,

    /** The agent's device, rung or joined to serve the customer. */
    AGENT,

    /** A supervisor listening, whispering or barging in. */
    SUPERVISOR
}
