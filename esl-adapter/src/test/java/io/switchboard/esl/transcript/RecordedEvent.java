package io.switchboard.esl.transcript;

import io.switchboard.esl.EslEventHeaders;
import io.switchboard.esl.wire.EslEventDecoder;
import io.switchboard.esl.wire.EslFrame;
import io.switchboard.esl.wire.MalformedEventException;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An event built from one recorded on a real FreeSWITCH 1.10, for events that were never recorded (the
 * glue's CUSTOM events): the recorded event's header lines, exactly as FreeSWITCH wrote them (plain: values
 * URL-encoded), with chosen headers replaced or added. A CUSTOM event fired by the dialplan's {@code event}
 * application is the channel's standard headers (as in any channel event) with {@code Event-Name: CUSTOM},
 * an {@code Event-Subclass} (URL-encoded in plain, {@code switchboard%3A%3Ainbound_call}, Quirk 22) and the
 * application's own headers; {@link #custom} builds that from a recorded channel event.
 */
public final class RecordedEvent {

    private final List<String[]> headers = new ArrayList<>();

    private RecordedEvent(String plainBody) {
        for (String line : plainBody.split("\n")) {
            int colon = line.indexOf(": ");
            if (colon > 0) {
                headers.add(new String[] {line.substring(0, colon), decode(line.substring(colon + 2))});
            }
        }
    }

    /** The first event named {@code eventName} in the fixture whose header {@code name} is {@code value}. */
    public static RecordedEvent from(String fixture, String eventName, String name, String value) {
        return EslTranscript.read(fixture).receivedFrames().stream()
                .filter(f -> f.isEvent() && f.body().startsWith("Event-Name: " + eventName + "\n"))
                .map(f -> new RecordedEvent(f.body()))
                .filter(e -> value.equals(e.value(name)))
                .findFirst().orElseThrow(() -> new IllegalStateException("no " + eventName + " with " + name + "=" + value));
    }

    /**
     * A glue CUSTOM event: the recorded inbound caller's CHANNEL_PARK of fixture 05 (a real SIP caller in the
     * dialplan), renamed and given the subclass, then {@code fields} appended in order.
     */
    public static RecordedEvent custom(String subclass, Map<String, String> fields) {
        RecordedEvent event = from("05-inbound-sip-park-bridge.esl.txt", "CHANNEL_PARK", "Call-Direction", "inbound")
                .set("Event-Name", "CUSTOM").set("Event-Calling-Function", "event_function");
        event.headers.add(1, new String[] {"Event-Subclass", subclass});
        fields.forEach(event::set);
        return event;
    }

    /** Replaces every header {@code name} with one {@code value}, in place; appends it if missing. */
    public RecordedEvent set(String name, String value) {
        boolean found = false;
        for (int i = 0; i < headers.size(); i++) {
            if (headers.get(i)[0].equals(name)) {
                if (!found) {
                    headers.set(i, new String[] {name, value});
                    found = true;
                } else {
                    headers.remove(i--);
                }
            }
        }
        if (!found) {
            headers.add(new String[] {name, value});
        }
        return this;
    }

    /** The first value of {@code name}, decoded, or null. */
    public String value(String name) {
        return headers.stream().filter(h -> h[0].equals(name)).map(h -> h[1]).findFirst().orElse(null);
    }

    /** The event body in plain encoding, values URL-encoded as FreeSWITCH does (Quirk 6). */
    public String plainBody() {
        StringBuilder body = new StringBuilder();
        headers.forEach(h -> body.append(h[0]).append(": ").append(encode(h[1])).append('\n'));
        return body.append('\n').toString();
    }

    /** The event body in JSON encoding: one object, string values as they are, no trailing LF (Quirk 5). */
    public String jsonBody() {
        StringBuilder body = new StringBuilder("{");
        for (String[] h : headers) {
            body.append(body.length() > 1 ? "," : "").append(json(h[0])).append(':').append(json(h[1]));
        }
        return body.append('}').toString();
    }

    /** The whole plain event frame as it comes off the socket. */
    public String plainWire() {
        String body = plainBody();
        return "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\nContent-Type: text/event-plain\n\n" + body;
    }

    /** Decoded from the plain wire form. */
    public EslEventHeaders plain() {
        return decode(EslFrame.EVENT_PLAIN, plainBody());
    }

    /** Decoded from the JSON wire form. */
    public EslEventHeaders json() {
        return decode(EslFrame.EVENT_JSON, jsonBody());
    }

    private static EslEventHeaders decode(String type, String body) {
        try {
            return EslEventDecoder.decode(new EslFrame(Map.of("Content-Type", type,
                    "Content-Length", String.valueOf(body.getBytes(StandardCharsets.UTF_8).length)), body));
        } catch (MalformedEventException e) {
            throw new AssertionError(e.kind() + " in " + e.sample());
        }
    }

    /** FreeSWITCH's URL-encoding: reserved characters as %XX, except the ones it leaves (Quirk 6: , and /). */
    private static String encode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (Character.isLetterOrDigit(c) && c < 128 || "-_.,/".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    private static String decode(String value) {
        return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String json(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
