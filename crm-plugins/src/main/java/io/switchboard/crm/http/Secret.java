package io.switchboard.crm.http;

import java.util.Arrays;
import java.util.Objects;

/**
 * A credential (client secret, API token, refresh token) that never prints: {@link #toString()} is
 * {@code ****}, so a settings record or an exception that holds one cannot leak it into a log.
 */
public final class Secret {

    private final char[] value;

    private Secret(char[] value) {
        this.value = value.clone();
    }

    /**
     * A secret holding a copy of {@code value}.
     *
     * @param field the setting it comes from, named in the error when it is empty
     */
    public static Secret of(char[] value, String field) {
        Objects.requireNonNull(value, field + " must not be null");
        if (value.length == 0) {
            throw new IllegalArgumentException(field + " must not be empty");
        }
        return new Secret(value);
    }

    /** A secret holding {@code value}; prefer {@link #of(char[], String)} where the value comes from a file. */
    public static Secret of(String value, String field) {
        Objects.requireNonNull(value, field + " must not be null");
        return of(value.toCharArray(), field);
    }

    /** The secret in clear, only to put on the wire. */
    public String reveal() {
        return new String(value);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret that && Arrays.equals(value, that.value);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "****";
    }
}
