package io.switchboard.esl;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The headers of one FreeSWITCH event as delivered in a {@code text/event-plain} body: ordered,
 * URL-decoded ({@code %40} becomes {@code @}; a literal {@code +} stays {@code +}), with
 * repeated names kept ({@code Hangup-Cause} appears twice in CHANNEL_HANGUP_COMPLETE). Channel
 * variables ({@code variable_<name>} headers) are also reachable by their bare name. An event's
 * own body (the BACKGROUND_JOB result) is separate from the headers.
 *
 * @param headers every header except the inner Content-Length, in wire order, values decoded
 * @param body the event's own body, empty if it has none
 */
public record EslEventHeaders(List<Header> headers, String body) {

    private static final String VARIABLE_PREFIX = "variable_";
    private static final String CONTENT_LENGTH = "Content-Length";

    /**
     * One decoded event header.
     *
     * @param name the header name as sent
     * @param value the URL-decoded value
     */
    public record Header(String name, String value) {
        /** Rejects nulls. */
        public Header {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }

    /** Freezes the headers. */
    public EslEventHeaders {
        headers = List.copyOf(headers);
        Objects.requireNonNull(body, "body");
    }

    /**
     * Parses a {@code text/event-plain} body. Lines without a colon are skipped: an event is
     * translated from what can be read, never rejected for one odd line. Runs for every event (a
     * FreeSWITCH event has 100-200 headers), so it cuts each header's name and value straight out of the
     * body: one copy of each, not a copy per line and then per part.
     */
    public static EslEventHeaders parse(String plainBody) {
        int blank = plainBody.indexOf("\n\n");
        int end = blank < 0 ? plainBody.length() : blank;
        String body = blank < 0 ? "" : plainBody.substring(blank + 2);
        List<Header> headers = new ArrayList<>(128);
        for (int start = 0; start < end; ) {
            int newline = plainBody.indexOf('\n', start);
            int lineEnd = newline < 0 || newline > end ? end : newline;
            addHeader(plainBody, start, lineEnd, headers);
            start = lineEnd + 1;
        }
        return new EslEventHeaders(headers, body);
    }

    /** Builds from header lines as an ESL client library hands them over, plus the event body. */
    public static EslEventHeaders fromLines(List<String> lines, String body) {
        List<Header> headers = new ArrayList<>();
        for (String line : lines) {
            addHeader(line, 0, line.length(), headers);
        }
        return new EslEventHeaders(headers, body);
    }

    /** The header on {@code text}'s characters {@code start} to {@code end}, if it has a name and is not the inner Content-Length. */
    private static void addHeader(String text, int start, int end, List<Header> into) {
        int colon = text.indexOf(':', start);
        if (colon <= start || colon >= end) {
            return;
        }
        if (colon - start == CONTENT_LENGTH.length() && text.regionMatches(true, start, CONTENT_LENGTH, 0, colon - start)) {
            return;
        }
        int valueStart = colon + 1 < end && text.charAt(colon + 1) == ' ' ? colon + 2 : colon + 1;
        into.add(new Header(HeaderNames.of(text, start, colon), value(text, valueStart, end)));
    }

    /** The {@code Event-Name}, e.g. {@code CHANNEL_CREATE} or {@code CUSTOM}. */
    public Optional<String> eventName() {
        return first("Event-Name");
    }

    /** The first value of a header; names match exactly, as FreeSWITCH mixes cases on purpose. */
    public Optional<String> first(String name) {
        for (Header header : headers) {
            if (header.name().equals(name)) {
                return Optional.of(header.value());
            }
        }
        return Optional.empty();
    }

    /** Every value of a header, in order. */
    public List<String> all(String name) {
        return headers.stream().filter(h -> h.name().equals(name)).map(Header::value).toList();
    }

    /** A channel variable by its bare name: {@code variable("cti_route")} reads {@code variable_cti_route}. */
    public Optional<String> variable(String name) {
        return first(VARIABLE_PREFIX + name);
    }

    /** All channel variables by bare name, in wire order; for a repeated name the first value wins. */
    public Map<String, String> variables() {
        Map<String, String> variables = new LinkedHashMap<>();
        headers.stream().filter(h -> h.name().startsWith(VARIABLE_PREFIX))
                .forEach(h -> variables.putIfAbsent(h.name().substring(VARIABLE_PREFIX.length()), h.value()));
        return Collections.unmodifiableMap(variables);
    }

    /** The headers that are not channel variables, in order. */
    public List<Header> eventHeaders() {
        return headers.stream().filter(h -> !h.name().startsWith(VARIABLE_PREFIX)).toList();
    }

    /** The URL-decoded value on {@code text}'s characters {@code start} to {@code end}; a copy only when it has an escape. */
    private static String value(String text, int start, int end) {
        int percent = text.indexOf('%', start);
        if (percent < 0 || percent >= end) {
            return text.substring(start, end);
        }
        byte[] out = new byte[end - start];
        int length = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) { // not ASCII: through UTF-8 bytes, as FreeSWITCH's escapes are
                return urlDecode(text.substring(start, end));
            }
            int hi = c == '%' && i + 2 < end ? Character.digit(text.charAt(i + 1), 16) : -1;
            int lo = hi >= 0 ? Character.digit(text.charAt(i + 2), 16) : -1;
            if (lo >= 0) {
                out[length++] = (byte) (hi * 16 + lo);
                i += 2;
            } else {
                out[length++] = (byte) c;
            }
        }
        return new String(out, 0, length, StandardCharsets.UTF_8);
    }

    private static String urlDecode(String value) {
        if (value.indexOf('%') < 0) {
            return value;
        }
        byte[] in = value.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[in.length];
        int length = 0;
        for (int i = 0; i < in.length; i++) {
            int hi = in[i] == '%' && i + 2 < in.length ? Character.digit(in[i + 1], 16) : -1;
            int lo = hi >= 0 ? Character.digit(in[i + 2], 16) : -1;
            if (lo >= 0) {
                out[length++] = (byte) (hi * 16 + lo);
                i += 2;
            } else {
                out[length++] = in[i];
            }
        }
        return new String(out, 0, length, StandardCharsets.UTF_8);
    }
}
