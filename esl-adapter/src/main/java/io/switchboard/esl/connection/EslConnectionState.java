package io.switchboard.esl.connection;

/** Where one FreeSWITCH's event socket connection stands, as {@code /status} reports it. */
public enum EslConnectionState {

    /** A TCP connection, {@code auth} and the event subscription are under way: the first attempt or a retry. */
    CONNECTING,

    /** Authenticated and subscribed; events flow and commands can be sent. */
    LOGGED_IN,

    /**
     * FreeSWITCH refused the password ({@code -ERR invalid}, then a disconnect notice and close). Retried
     * with backoff, since an admin may fix {@code event_socket.conf.xml} meanwhile.
     */
    AUTH_FAILED,

    /**
     * Not connected: FreeSWITCH could not be reached, closed the socket, sent a disconnect notice, shut
     * down, or stopped answering. A reconnect is scheduled with backoff.
     */
    DISCONNECTED,

    /** {@link EslConnection#stop()} was called; no further attempts are made. */
    STOPPED
}
