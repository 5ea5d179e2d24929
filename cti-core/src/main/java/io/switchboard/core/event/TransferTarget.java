package io.switchboard.core.event;

import io.switchboard.core.Require;

/**
 * Where a blind transfer sent a call: a number or extension, dialled in a dialplan context the admin named.
 * The number may be a customer's or any outside party's, so {@link #toString()} is masked; read
 * {@link #number()} only where the full value is needed (records, reports).
 *
 * @param number  what is dialled, as the PBX reports it: 1 to 64 characters, each a digit, an ASCII letter,
 *                {@code +}, {@code *} or {@code #}
 * @param context the admin's dialplan context that dials it, e.g. {@code from-internal} or {@code default}
 */
public record TransferTarget(String number, String context) {

    /** The longest number accepted. */
    public static final int MAX_LENGTH = 64;

    public TransferTarget {
        Require.nonBlank(number, "number");
        Require.nonBlank(context, "context");
        number = number.trim();
        context = context.trim();
        if (number.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("number must be at most " + MAX_LENGTH + " characters, was "
                    + number.length());
        }
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            boolean allowed = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                    || c == '+' || c == '*' || c == '#';
            if (!allowed) {
                throw new IllegalArgumentException(
                        "number may hold only digits, letters, '+', '*' and '#', found '" + c + "' at " + i);
            }
        }
    }

    /**
     * A log-safe form of the number: a leading {@code +} kept, then at most the first two and last two
     * characters (none of a number shorter than eight), the rest starred: {@code +44********18},
     * {@code 02*******18}, {@code ***} for an extension {@code 200}.
     */
    public String maskedNumber() {
        String prefix = number.startsWith("+") ? "+" : "";
        String digits = number.substring(prefix.length());
        int shown = digits.length() >= 8 ? 2 : 0;
        return prefix + digits.substring(0, shown) + "*".repeat(digits.length() - 2 * shown)
                + digits.substring(digits.length() - shown);
    }

    /** The masked number and the context, e.g. {@code 02*******18@from-internal}; never the full number. */
    @Override
    public String toString() {
        return maskedNumber() + "@" + context;
    }
}
