package io.switchboard.sim.esl;

import io.switchboard.sim.wire.Decoded;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The body of a {@code text/event-plain} frame: the event's own headers as URL-encoded
 * {@code Name: Value} lines, a blank line, and, for events that carry one (BACKGROUND_JOB, some
 * CUSTOM), an inner {@code Content-Length} header as the last line and that many body bytes.
 *
 * @param headers the event headers in order with decoded values; names may repeat
 *     ({@code Hangup-Cause} twice in CHANNEL_HANGUP_COMPLETE); the inner Content-Length is not
 *     among them
 * @param body the event's own body (e.g. {@code +OK <uuid>\n}), empty if none
 */
public record PlainEventBody(List<EslHeader> headers, String body) {

    /** Freezes the headers. */
    public PlainEventBody {
        headers = List.copyOf(headers);
        Objects.requireNonNull(body, "body");
    }

    /** The first decoded value of a header. */
    public Optional<String> header(String name) {
        return headers.stream().filter(h -> h.is(name)).map(EslHeader::value).findFirst();
    }

    /** Parses the body bytes of a {@code text/event-plain} frame. */
    public static Decoded<PlainEventBody> parse(byte[] frameBody) {
        String text = new String(frameBody, StandardCharsets.UTF_8);
        int blank = text.indexOf("\n\n");
        String headerPart = blank < 0 ? text : text.substring(0, blank);
        List<EslHeader> headers = new ArrayList<>();
        String innerLength = null;
        for (String line : headerPart.split("\n")) {
            EslHeader raw = HeaderLines.header(line);
            if (raw == null) {
                return Decoded.malformed("event header line without 'Name:': '" + line + "'", frameBody);
            }
            if (raw.is("Content-Length")) {
                innerLength = raw.value();
            } else {
                headers.add(new EslHeader(raw.name(), FsUrlCodec.decode(raw.value())));
            }
        }
        String body = blank < 0 ? "" : text.substring(blank + 2);
        int length = innerLength == null ? 0 : HeaderLines.contentLength(innerLength, frameBody.length);
        if (length != body.getBytes(StandardCharsets.UTF_8).length) {
            return Decoded.malformed("inner Content-Length " + innerLength + " does not match the event body", frameBody);
        }
        return Decoded.ok(new PlainEventBody(headers, body));
    }

    /** The bytes FreeSWITCH writes as the frame body. */
    public byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (EslHeader header : headers) {
            out.writeBytes((header.name() + ": " + FsUrlCodec.encode(header.value()) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        byte[] bodyBytes = body.getBytes(StandardCharsets.UTF_8);
        if (bodyBytes.length > 0) {
            out.writeBytes(("Content-Length: " + bodyBytes.length + "\n").getBytes(StandardCharsets.UTF_8));
        }
        out.write('\n');
        out.writeBytes(bodyBytes);
        return out.toByteArray();
    }
}
