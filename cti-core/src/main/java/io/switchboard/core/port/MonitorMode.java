package io.switchboard.core.port;

/** How a supervisor joins an agent's call. */
public enum MonitorMode {

    /** The supervisor hears both parties; nobody hears the supervisor. */
    LISTEN,

    /** The supervisor hears both parties; only the agent hears the supervisor (coaching). */
    WHISPER,

    /** The supervisor joins the conversation; both parties hear them. */
    BARGE
}
