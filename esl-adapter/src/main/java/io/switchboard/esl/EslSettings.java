package io.switchboard.esl;

import java.time.Duration;
import java.util.Objects;

/**
 * How to reach one FreeSWITCH event socket ({@code autoload_configs/event_socket.conf.xml}:
 * {@code listen-ip}, {@code listen-port}, {@code password}).
 *
 * @param host the event socket host name or address
 * @param port the TCP port, 1 to 65535 (FreeSWITCH's default is 8021)
 * @param password the event socket password; never printed
 * @param connectTimeout how long to wait for the connection and {@code auth/request}; positive
 * @param encoding whether events come as {@code plain} or {@code json}
 * @param replyTimeout how long a {@code bgapi} job or an {@code api} reply may take before it counts as
 *        lost; positive. {@code originate} answers only after the far end answers (Quirk 10), so this must
 *        exceed the longest ring time Switchboard asks for.
 */
public record EslSettings(String host, int port, String password, Duration connectTimeout, EventEncoding encoding,
        Duration replyTimeout) {

    /** The default {@link #replyTimeout()}: longer than any ring timeout Switchboard uses. */
    public static final Duration DEFAULT_REPLY_TIMEOUT = Duration.ofSeconds(120);

    /** Plain events and the default reply timeout. */
    public EslSettings(String host, int port, String password, Duration connectTimeout) {
        this(host, port, password, connectTimeout, EventEncoding.PLAIN, DEFAULT_REPLY_TIMEOUT);
    }

    /** FreeSWITCH's default event socket port. */
    public static final int DEFAULT_PORT = 8021;

    /** Rejects invalid values with a message that names the field. */
    public EslSettings {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be between 1 and 65535, was " + port);
        }
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("password must not be empty");
        }
        if (password.indexOf('\n') >= 0 || password.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("password must not contain a line break (it is sent as 'auth <password>')");
        }
        Objects.requireNonNull(connectTimeout, "connectTimeout must not be null");
        if (connectTimeout.isZero() || connectTimeout.isNegative()) {
            throw new IllegalArgumentException("connectTimeout must be positive, was " + connectTimeout);
        }
        Objects.requireNonNull(encoding, "encoding must not be null");
        Objects.requireNonNull(replyTimeout, "replyTimeout must not be null");
        if (replyTimeout.isZero() || replyTimeout.isNegative()) {
            throw new IllegalArgumentException("replyTimeout must be positive, was " + replyTimeout);
        }
    }

    /** Masks the password so settings can be logged. */
    @Override
    public String toString() {
        return "EslSettings[host=" + host + ", port=" + port + ", password=****, connectTimeout=" + connectTimeout + ", encoding="
                + encoding + ", replyTimeout=" + replyTimeout + "]";
    }
}
