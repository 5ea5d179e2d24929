package io.switchboard.sim.esl;

import java.util.Objects;

/**
 * One {@code Name: Value} line of an ESL header block, value kept verbatim after the single space
 * that follows the colon. In frame headers the value is literal; inside a {@code text/event-plain}
 * body {@link PlainEventBody} holds the URL-decoded value.
 *
 * @param name the header name as written (FreeSWITCH mixes cases, e.g. {@code channel-read-codec-name})
 * @param value the value
 */
public record EslHeader(String name, String value) {

    /** Rejects nulls, empty names, colons in names and line breaks. */
    public EslHeader {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (name.isEmpty() || name.indexOf(':') >= 0 || name.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("invalid ESL header name: '" + name + "'");
        }
    }

    /** True if this header has the given name, ignoring case. */
    public boolean is(String headerName) {
        return name.equalsIgnoreCase(headerName);
    }
}
