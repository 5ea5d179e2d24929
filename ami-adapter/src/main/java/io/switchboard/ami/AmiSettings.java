package io.switchboard.ami;

import java.time.Duration;
import java.util.Objects;

/**
 * How to reach one Asterisk's manager interface ({@code manager.conf}: {@code [general]
 * enabled=yes}, {@code port}, and a user section with {@code secret}, {@code read} and
 * {@code write} permissions).
 *
 * @param pbxName Switchboard's name for this PBX, used in logs and ids
 * @param host the AMI host name or address
 * @param port the AMI TCP port, 1 to 65535 (Asterisk's default is 5038)
 * @param username the {@code manager.conf} user section name
 * @param secret that user's {@code secret}; never printed
 * @param connectTimeout how long to wait for the TCP connection and the banner; positive
 */
public record AmiSettings(String pbxName, String host, int port, String username, String secret, Duration connectTimeout) {

    /** Asterisk's default AMI port. */
    public static final int DEFAULT_PORT = 5038;

    /** Rejects invalid values with a message that names the field. */
    public AmiSettings {
        requireText(pbxName, "pbxName");
        requireText(host, "host");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be between 1 and 65535, was " + port);
        }
        requireText(username, "username");
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("secret must not be empty");
        }
        Objects.requireNonNull(connectTimeout, "connectTimeout must not be null");
        if (connectTimeout.isZero() || connectTimeout.isNegative()) {
            throw new IllegalArgumentException("connectTimeout must be positive, was " + connectTimeout);
        }
    }

    /** Masks the secret so settings can be logged. */
    @Override
    public String toString() {
        return "AmiSettings[pbxName=" + pbxName + ", host=" + host + ", port=" + port + ", username=" + username
                + ", secret=****, connectTimeout=" + connectTimeout + "]";
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
    }
}
