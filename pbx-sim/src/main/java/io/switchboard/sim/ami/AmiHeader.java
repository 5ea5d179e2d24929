package io.switchboard.sim.ami;

import java.util.Objects;

/**
 * One {@code Name: Value} line of an AMI message. The value is kept verbatim after the single
 * space that follows the colon, so {@code Value: } (empty) and values with leading blanks
 * round-trip exactly.
 *
 * @param name the header name as written (AMI compares names case-insensitively)
 * @param value the header value, possibly empty
 */
public record AmiHeader(String name, String value) {

    /** Rejects nulls, line breaks and names that cannot be written back. */
    public AmiHeader {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (name.isEmpty() || name.indexOf(':') >= 0 || hasLineBreak(name)) {
            throw new IllegalArgumentException("invalid AMI header name: '" + name + "'");
        }
        if (hasLineBreak(value)) {
            throw new IllegalArgumentException("AMI header value of " + name + " contains a line break");
        }
    }

    /** True if this header has the given name, ignoring case as Asterisk does. */
    public boolean is(String headerName) {
        return name.equalsIgnoreCase(headerName);
    }

    private static boolean hasLineBreak(String s) {
        return s.indexOf('\r') >= 0 || s.indexOf('\n') >= 0;
    }
}
