package io.switchboard.ami.connection;

/** Where one PBX's AMI connection stands, as {@code /status} reports it. */
public enum AmiConnectionState {

    /** A TCP connection and login are under way: the first attempt, or a retry after backoff. */
    CONNECTING,

    /** Logged in and receiving events; commands can be sent. */
    LOGGED_IN,

    /**
     * Asterisk refused the username or secret ({@code Response: Error / Authentication failed}, then it
     * closes the socket). Retried with backoff, since an admin may fix {@code manager.conf} meanwhile.
     */
    AUTH_FAILED,

    /**
     * Not connected: Asterisk could not be reached, closed the socket, or announced {@code Event: Shutdown}.
     * A reconnect is scheduled with backoff.
     */
    DISCONNECTED,

    /** {@link AmiConnection#stop()} was called; no further attempts are made. */
    STOPPED
}
