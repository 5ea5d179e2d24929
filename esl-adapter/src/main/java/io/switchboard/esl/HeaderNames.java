package io.switchboard.esl;

/**
 * The header names of FreeSWITCH events, kept once: every event repeats the same hundred or two
 * ({@code Event-Name}, {@code Unique-ID}, {@code variable_...}), so a name read again is the string
 * already held instead of a new copy for every header of every event. A fixed table of the last name
 * seen in each slot: a name that collides with another is copied as before, never wrong, and the
 * table cannot grow with odd input. Shared by every connection; a slot is one reference to an
 * immutable {@code String}, so a race only costs a copy.
 */
final class HeaderNames {

    private static final int SLOTS = 2048;
    private static final int LONGEST = 64;
    private static final String[] TABLE = new String[SLOTS];

    private HeaderNames() {
    }

    /** The name on {@code text}'s characters {@code start} (inclusive) to {@code end} (exclusive). */
    static String of(String text, int start, int end) {
        int length = end - start;
        if (length > LONGEST) {
            return text.substring(start, end);
        }
        int hash = 0;
        for (int i = start; i < end; i++) {
            hash = 31 * hash + text.charAt(i);
        }
        int slot = (hash ^ (hash >>> 16)) & (SLOTS - 1);
        String held = TABLE[slot];
        if (held != null && held.length() == length && held.regionMatches(0, text, start, length)) {
            return held;
        }
        String name = text.substring(start, end);
        TABLE[slot] = name;
        return name;
    }
}
