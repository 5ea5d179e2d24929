package io.switchboard.sim.ami;

import io.switchboard.sim.wire.Decoded;
import io.switchboard.sim.wire.InputBuffer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Streaming AMI decoder: feed it whatever a socket read returned (part of a message, several
 * messages, a message split inside CRLF) and it hands back every unit that became complete.
 *
 * <p>Lines end with LF; a CR before it is dropped, so CRLF (what Asterisk writes) and bare LF both
 * work. A blank line ends a message; blank lines between messages are skipped. A line without a
 * colon, or a line longer than {@link #MAX_LINE_BYTES}, makes its whole message
 * {@link Decoded.Malformed}; decoding carries on with the next message. Not thread-safe.
 */
public final class AmiDecoder {

    /** Longest line accepted before the message is reported as malformed. */
    public static final int MAX_LINE_BYTES = 64 * 1024;

    private static final byte[] LF = {'\n'};

    private final InputBuffer buffer = new InputBuffer();
    private final List<AmiHeader> headers = new ArrayList<>();
    private final ByteArrayOutputStream raw = new ByteArrayOutputStream();
    private boolean awaitingBanner;
    private boolean discardingLine;
    private String problem;
    private int scannedWithoutLf;

    private AmiDecoder(boolean awaitingBanner) {
        this.awaitingBanner = awaitingBanner;
    }

    /** A decoder for what Asterisk writes: the banner line first, then messages. */
    public static AmiDecoder clientSide() {
        return new AmiDecoder(true);
    }

    /** A decoder for what a client writes: messages only (actions). */
    public static AmiDecoder serverSide() {
        return new AmiDecoder(false);
    }

    /** Decodes the whole chunk; see {@link #feed(byte[], int, int)}. */
    public List<Decoded<AmiFrame>> feed(byte[] chunk) {
        return feed(chunk, 0, chunk.length);
    }

    /** Appends bytes read from the wire and returns the units they completed, in order. */
    public List<Decoded<AmiFrame>> feed(byte[] chunk, int offset, int length) {
        buffer.append(chunk, offset, length);
        List<Decoded<AmiFrame>> out = new ArrayList<>();
        while (true) {
            int lf = buffer.indexOf(LF, scannedWithoutLf);
            if (lf < 0) {
                scannedWithoutLf = buffer.size();
                if (buffer.size() > MAX_LINE_BYTES) {
                    raw.writeBytes(buffer.take(buffer.size()));
                    scannedWithoutLf = 0;
                    discardingLine = true;
                    problem = "line longer than " + MAX_LINE_BYTES + " bytes";
                }
                return out;
            }
            scannedWithoutLf = 0;
            onLine(buffer.take(lf + 1), out);
        }
    }

    /** True if some bytes of an unfinished unit are buffered. */
    public boolean hasPartialInput() {
        return buffer.size() > 0 || raw.size() > 0;
    }

    private void onLine(byte[] lineBytes, List<Decoded<AmiFrame>> out) {
        raw.writeBytes(lineBytes);
        if (discardingLine) {
            discardingLine = false;
            if (awaitingBanner) {
                awaitingBanner = false;
                out.add(Decoded.malformed(problem, takeRaw()));
            }
            return;
        }
        String line = stripLineEnd(lineBytes);
        if (awaitingBanner) {
            awaitingBanner = false;
            byte[] bannerBytes = takeRaw();
            out.add(AmiBanner.parse(line)
                    .<Decoded<AmiFrame>>map(Decoded::ok)
                    .orElseGet(() -> Decoded.malformed("expected the AMI banner 'Product/version'", bannerBytes)));
            return;
        }
        if (line.isEmpty()) {
            endOfMessage(out);
            return;
        }
        int colon = line.indexOf(':');
        if (colon <= 0) {
            problem = problem != null ? problem : "header line without 'Name:': '" + line + "'";
            return;
        }
        int valueStart = colon + 1 < line.length() && line.charAt(colon + 1) == ' ' ? colon + 2 : colon + 1;
        headers.add(new AmiHeader(line.substring(0, colon), line.substring(valueStart)));
    }

    private void endOfMessage(List<Decoded<AmiFrame>> out) {
        byte[] bytes = takeRaw();
        if (problem != null) {
            out.add(Decoded.malformed(problem, bytes));
        } else if (!headers.isEmpty()) {
            out.add(Decoded.ok(new AmiMessage(headers)));
        }
        headers.clear();
        problem = null;
    }

    private byte[] takeRaw() {
        byte[] bytes = raw.toByteArray();
        raw.reset();
        return bytes;
    }

    private static String stripLineEnd(byte[] lineBytes) {
        int end = lineBytes.length - 1;
        if (end > 0 && lineBytes[end - 1] == '\r') {
            end--;
        }
        return new String(lineBytes, 0, end, StandardCharsets.UTF_8);
    }
}
