package io.switchboard.core.agent;

/** The kinds of work an agent has separate capacity for. */
public enum Channel {

    /** Live voice: inbound calls and dialer calls answered by a person. Capacity is usually 1. */
    VOICE,

    /** Scheduled callbacks the agent places to a customer who asked for one. */
    CALLBACK,

    /** Web chat and messaging conversations; an agent may handle several at once. */
    CHAT,

    /** E-mail and other asynchronous cases. */
    EMAIL
}
