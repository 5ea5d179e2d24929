package io.switchboard.sim.esl;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A message FreeSWITCH writes on an event socket: a header block of {@code Name: Value} lines,
 * a blank line, then exactly {@code Content-Length} body bytes if that header is present.
 *
 * <p>Header order is kept as written because it differs by type: replies start with
 * {@code Content-Type}, events with {@code Content-Length}. Use {@link EslFrames} to build frames
 * in the order FreeSWITCH 1.10 uses.
 *
 * @param headers the outer headers in wire order
 * @param body the body bytes, empty if there is no {@code Content-Length}
 */
public record EslFrame(List<EslHeader> headers, byte[] body) {

    /** Freezes the headers, copies the body and checks that Content-Length matches it. */
    public EslFrame {
        headers = List.copyOf(headers);
        body = body.clone();
        if (headers.isEmpty()) {
            throw new IllegalArgumentException("an ESL frame needs at least one header");
        }
        Optional<String> length = headers.stream().filter(h -> h.is("Content-Length")).map(EslHeader::value).findFirst();
        String expected = Integer.toString(body.length);
        if (length.map(l -> !l.equals(expected)).orElse(!expected.equals("0"))) {
            throw new IllegalArgumentException("Content-Length " + length.orElse("(none)")
                    + " does not match a body of " + body.length + " bytes");
        }
    }

    /** The first value of a header, ignoring case. */
    public Optional<String> header(String name) {
        return headers.stream().filter(h -> h.is(name)).map(EslHeader::value).findFirst();
    }

    /** The {@code Content-Type}, e.g. {@code api/response} or {@code text/event-plain}. */
    public Optional<String> contentType() {
        return header("Content-Type");
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    /** The body as UTF-8 text. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The exact bytes of this frame on the wire. */
    public byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (EslHeader header : headers) {
            out.writeBytes((header.name() + ": " + header.value() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        out.write('\n');
        out.writeBytes(body);
        return out.toByteArray();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EslFrame that && headers.equals(that.headers) && Arrays.equals(body, that.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(headers, Arrays.hashCode(body));
    }

    @Override
    public String toString() {
        return "EslFrame[" + contentType().orElse("?") + ", " + body.length + " body bytes]";
    }
}
