package io.switchboard.esl.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.switchboard.esl.EslEventHeaders;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the event inside a {@code text/event-plain} or {@code text/event-json} frame into one
 * {@link EslEventHeaders}, so the translator never sees the encoding.
 *
 * <ul>
 *   <li>Plain (Quirks 4, 6): URL-decoded values, repeated names kept, the event's own body after its
 *       inner {@code Content-Length} and blank line.</li>
 *   <li>JSON (Quirk 5): values as they are (not URL-encoded), {@code _body} is the event body, duplicate
 *       keys are kept in order like repeated plain headers (Jackson's streaming parser does not reject them).</li>
 * </ul>
 * Stateless and thread-safe.
 */
public final class EslEventDecoder {

    /** A JSON event that is not one well-formed object. */
    public static final String BAD_JSON_EVENT = "bad-json-event";
    /** An event without {@code Event-Name}. */
    public static final String EVENT_WITHOUT_NAME = "event-without-name";
    /** A frame that is neither a plain nor a JSON event was given. */
    public static final String NOT_AN_EVENT = "not-an-event";

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private EslEventDecoder() {
    }

    /**
     * The event in {@code frame}.
     *
     * @throws MalformedEventException with one of this class's kinds when the event cannot be read
     */
    public static EslEventHeaders decode(EslFrame frame) throws MalformedEventException {
        EslEventHeaders event = switch (frame.contentType()) {
            case EslFrame.EVENT_PLAIN -> EslEventHeaders.parse(frame.body());
            case EslFrame.EVENT_JSON -> json(frame.body());
            default -> throw new MalformedEventException(NOT_AN_EVENT, frame.contentType());
        };
        if (event.eventName().filter(name -> !name.isBlank()).isEmpty()) {
            throw new MalformedEventException(EVENT_WITHOUT_NAME, frame.body());
        }
        return event;
    }

    private static EslEventHeaders json(String body) throws MalformedEventException {
        List<EslEventHeaders.Header> headers = new ArrayList<>();
        String eventBody = "";
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedEventException(BAD_JSON_EVENT, body);
            }
            for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                    parser.skipChildren();
                    continue;
                }
                String text = value == JsonToken.VALUE_NULL ? "" : parser.getText();
                if (name.equals("_body")) {
                    eventBody = text;
                } else if (!name.equals("Content-Length")) {
                    headers.add(new EslEventHeaders.Header(name, text));
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT) {
                throw new MalformedEventException(BAD_JSON_EVENT, body);
            }
        } catch (IOException e) {
            throw new MalformedEventException(BAD_JSON_EVENT, body);
        }
        return new EslEventHeaders(headers, eventBody);
    }
}
