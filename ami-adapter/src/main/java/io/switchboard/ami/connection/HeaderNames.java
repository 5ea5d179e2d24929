package io.switchboard.ami.connection;

import java.util.Locale;

/**
 * The lower-case names of AMI headers, made once per distinct name: asked for the name in a region of a line,
 * it answers the same {@code String} every time without copying or lower-casing the line again. AMI has a
 * few dozen distinct header names, so after the first messages no header name allocates. Names with other than
 * ASCII letters are made afresh each time (never cached); so are new names once {@value #MAX_NAMES} are held,
 * which bounds what a peer sending made-up names can make it keep. One reader thread only.
 */
final class HeaderNames {

    static final int MAX_NAMES = 2_048;
    private static final int SLOTS = 4_096; // a power of two, twice MAX_NAMES: probes stay short

    private final String[] slots = new String[SLOTS];
    private int size;

    /** The header name {@code line[start, end)} lower-cased (ENGLISH, as Asterisk-Java does); never empty. */
    String of(String line, int start, int end) {
        int hash = 0;
        for (int i = start; i < end; i++) {
            char c = line.charAt(i);
            if (c >= 0x80) {
                return line.substring(start, end).toLowerCase(Locale.ENGLISH);
            }
            hash = 31 * hash + lower(c);
        }
        int length = end - start;
        int mask = SLOTS - 1;
        for (int slot = mix(hash) & mask; ; slot = (slot + 1) & mask) {
            String known = slots[slot];
            if (known == null) {
                String name = line.substring(start, end).toLowerCase(Locale.ENGLISH);
                if (size < MAX_NAMES) {
                    slots[slot] = name;
                    size++;
                }
                return name;
            }
            if (known.length() == length && sameIgnoringCase(known, line, start)) {
                return known;
            }
        }
    }

    /** How many names are held. */
    int size() {
        return size;
    }

    private static boolean sameIgnoringCase(String lowerName, String line, int start) {
        for (int i = 0; i < lowerName.length(); i++) {
            if (lowerName.charAt(i) != lower(line.charAt(start + i))) {
                return false;
            }
        }
        return true;
    }

    private static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }

    private static int mix(int hash) {
        return hash ^ (hash >>> 16);
    }
}
