package io.switchboard.esl.wire;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One ESL message as cut from the socket by its outer {@code Content-Length}: the outer headers
 * ({@code Content-Type}, {@code Reply-Text}, {@code Job-UUID}...) and the body, if any. For an event the
 * body holds the event itself (plain headers or one JSON object), which {@link EslEventDecoder} reads.
 *
 * @param headers the outer headers by name, as sent (not URL-decoded: FreeSWITCH does not encode them)
 * @param body the body decoded as UTF-8; empty when the message has none
 */
public record EslFrame(Map<String, String> headers, String body) {

    /** {@code auth/request}: FreeSWITCH greets a new connection and waits for {@code auth <password>}. */
    public static final String AUTH_REQUEST = "auth/request";
    /** {@code command/reply}: the answer to {@code auth}, {@code event}, {@code bgapi}, {@code filter}...; no body. */
    public static final String COMMAND_REPLY = "command/reply";
    /** {@code api/response}: the answer to {@code api}; the result is the body. */
    public static final String API_RESPONSE = "api/response";
    /** {@code text/event-plain}: an event as URL-encoded headers. */
    public static final String EVENT_PLAIN = "text/event-plain";
    /** {@code text/event-json}: an event as one JSON object. */
    public static final String EVENT_JSON = "text/event-json";
    /** {@code text/disconnect-notice}: FreeSWITCH is about to close the socket. */
    public static final String DISCONNECT_NOTICE = "text/disconnect-notice";
    /** {@code log/data}: a log line after {@code log <level>}; Switchboard never asks for logs. */
    public static final String LOG_DATA = "log/data";

    /** Freezes the headers. */
    public EslFrame {
        headers = Map.copyOf(headers);
        Objects.requireNonNull(body, "body");
    }

    /** The {@code Content-Type}, empty string if missing. */
    public String contentType() {
        return headers.getOrDefault("Content-Type", "");
    }

    /** An outer header. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    /** Whether this message is an event, in either encoding. */
    public boolean isEvent() {
        String type = contentType();
        return type.equals(EVENT_PLAIN) || type.equals(EVENT_JSON);
    }
}
