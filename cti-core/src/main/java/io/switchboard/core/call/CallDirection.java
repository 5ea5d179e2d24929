package io.switchboard.core.call;

/** Which way a call goes, seen from the contact center. */
public enum CallDirection {

    /** A customer called one of the contact center's numbers. */
    INBOUND,

    /** The contact center called a customer: the dialer, a callback or an agent's manual call. */
    OUTBOUND,

    /** Between two parties inside the contact center, e.g. an agent consulting a supervisor. */
    INTERNAL
}
