package io.switchboard.core.call;

import io.switchboard.core.Require;

/**
 * The number or extension a caller dialled to reach the contact center (the DID, Asterisk's DNID,
 * FreeSWITCH's destination number) exactly as the PBX reports it. Unlike {@link PhoneNumber} it need
 * not be a public number: internal extensions such as {@code 100}, feature codes such as {@code *70}
 * and named extensions such as {@code sales} are DIDs too.
 *
 * <p>It is the company's own number, not personal data, so {@link #toString()} shows it in full.
 *
 * @param value the dialled number, trimmed; 1 to 64 characters, each a digit, an ASCII letter,
 *              {@code +}, {@code *} or {@code #}
 */
public record Did(String value) {

    /** The longest DID accepted; Asterisk extensions are rarely longer than 20 characters. */
    public static final int MAX_LENGTH = 64;

    public Did {
        Require.nonBlank(value, "did");
        value = value.trim();
        if (value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(
                    "did must be at most " + MAX_LENGTH + " characters, was " + value.length());
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!isAllowed(c)) {
                throw new IllegalArgumentException(
                        "did may hold only digits, letters, '+', '*' and '#', found '" + c + "' at " + i);
            }
        }
    }

    /** Shorthand for {@code new Did(value)}. */
    public static Did of(String value) {
        return new Did(value);
    }

    /** The bare value, so that logs read {@code did=100}. */
    @Override
    public String toString() {
        return value;
    }

    private static boolean isAllowed(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                || c == '+' || c == '*' || c == '#';
    }
}
