package io.switchboard.ami.connection;

import java.util.Objects;

/**
 * A snapshot of an {@link AmiConnection} for {@code /status}.
 *
 * @param state where the connection stands
 * @param detail a sentence for humans: why it failed and when the next attempt is; never the secret
 * @param failedAttempts failed attempts since the last successful login
 */
public record AmiConnectionStatus(AmiConnectionState state, String detail, int failedAttempts) {

    /** Rejects missing values. */
    public AmiConnectionStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(detail, "detail");
    }
}
