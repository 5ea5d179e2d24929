package io.switchboard.sim.freeswitch;

import io.switchboard.sim.esl.EslFrame;
import io.switchboard.sim.esl.EslHeader;
import io.switchboard.sim.esl.PlainEventBody;
import io.switchboard.sim.wire.Decoded;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An event frame read back as its header list, plain or JSON (a small lenient reader of one JSON
 * object of strings: duplicate keys kept, Quirk 5). Empty for frames that are not events.
 */
record EventView(List<EslHeader> headers, String body) {

    Optional<String> header(String name) {
        return headers.stream().filter(h -> h.is(name)).map(EslHeader::value).findFirst();
    }

    String name() {
        return header("Event-Name").orElse("");
    }

    static Optional<EventView> of(EslFrame frame) {
        String type = frame.contentType().orElse("");
        if (type.equals("text/event-plain")) {
            Decoded<PlainEventBody> parsed = PlainEventBody.parse(frame.body());
            if (parsed instanceof Decoded.Ok<PlainEventBody> ok) {
                return Optional.of(new EventView(ok.value().headers(), ok.value().body()));
            }
            throw new AssertionError("unparseable plain event: " + frame.bodyText());
        }
        if (type.equals("text/event-json")) {
            return Optional.of(json(frame.bodyText()));
        }
        return Optional.empty();
    }

    private static EventView json(String text) {
        List<EslHeader> headers = new ArrayList<>();
        int[] at = {text.indexOf('{') + 1};
        String body = "";
        while (true) {
            skip(text, at);
            if (text.charAt(at[0]) == '}') {
                return new EventView(headers, body);
            }
            String key = string(text, at);
            skip(text, at);
            at[0]++;
            skip(text, at);
            String value = string(text, at);
            if (key.equals("_body")) {
                body = value;
            }
            headers.add(new EslHeader(key, value));
            skip(text, at);
            if (text.charAt(at[0]) == ',') {
                at[0]++;
            }
        }
    }

    private static void skip(String text, int[] at) {
        while (Character.isWhitespace(text.charAt(at[0]))) {
            at[0]++;
        }
    }

    private static String string(String text, int[] at) {
        StringBuilder out = new StringBuilder();
        int i = at[0] + 1;
        while (text.charAt(i) != '"') {
            char c = text.charAt(i++);
            if (c == '\\') {
                char e = text.charAt(i++);
                switch (e) {
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        out.append((char) Integer.parseInt(text.substring(i, i + 4), 16));
                        i += 4;
                    }
                    default -> out.append(e);
                }
            } else {
                out.append(c);
            }
        }
        at[0] = i + 1;
        return out.toString();
    }
}
