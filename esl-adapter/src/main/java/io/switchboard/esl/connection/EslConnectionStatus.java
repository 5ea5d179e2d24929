package io.switchboard.esl.connection;

import java.util.Objects;

/**
 * A snapshot of an {@link EslConnection} for {@code /status}.
 *
 * @param state where the connection stands
 * @param detail a sentence for humans: why it failed and when the next attempt is; never the password
 * @param failedAttempts failed attempts since the last successful login
 */
public record EslConnectionStatus(EslConnectionState state, String detail, int failedAttempts) {

    /** Rejects missing values. */
    public EslConnectionStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(detail, "detail");
    }
}
