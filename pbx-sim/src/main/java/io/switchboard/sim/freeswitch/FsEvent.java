package io.switchboard.sim.freeswitch;

import io.switchboard.sim.esl.EslFrame;
import io.switchboard.sim.esl.EslFrames;
import io.switchboard.sim.esl.EslHeader;
import io.switchboard.sim.esl.PlainEventBody;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * One FreeSWITCH event as the core fires it, before a session encodes it.
 *
 * @param headers the event headers in order with plain (not URL-encoded) values; names may repeat
 * @param body the event body ({@code +OK <uuid>\n} for BACKGROUND_JOB), empty if none
 */
record FsEvent(List<EslHeader> headers, String body) {

    FsEvent {
        headers = List.copyOf(headers);
    }

    String name() {
        return header("Event-Name").orElse("");
    }

    Optional<String> header(String name) {
        return headers.stream().filter(h -> h.is(name)).map(EslHeader::value).findFirst();
    }

    /** {@code text/event-plain}: URL-encoded values, inner Content-Length before a body (Quirks 4, 6). */
    EslFrame plain() {
        return EslFrames.eventPlain(new PlainEventBody(headers, body));
    }

    /** {@code text/event-json}: one object of strings, duplicates kept, body as {@code _body} (Quirk 5). */
    EslFrame json() {
        StringBuilder out = new StringBuilder("{");
        for (EslHeader h : headers) {
            member(out, h.name(), h.value());
        }
        if (!body.isEmpty()) {
            member(out, "Content-Length", Integer.toString(body.getBytes(StandardCharsets.UTF_8).length));
            member(out, "_body", body);
        }
        out.setLength(out.length() - 1);
        return EslFrames.eventJson(out.append('}').toString());
    }

    private static void member(StringBuilder out, String name, String value) {
        quote(out, name);
        out.append(':');
        quote(out, value);
        out.append(',');
    }

    private static void quote(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
