package io.switchboard.esl.wire;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Cuts the bytes of an ESL socket into {@link EslFrame}s, however TCP splits them: headers up to the
 * first blank line, then exactly {@code Content-Length} body bytes (Quirk 4: never split on a blank line
 * inside a body). A body need not end with LF (Quirks 3 and 5: the next message follows right after
 * {@code true} or {@code }}). Header order is not relied on (Quirk 1). Not thread-safe: one decoder per
 * socket, fed from the socket's thread.
 *
 * <p>Nothing here throws on bad input: a header line without a colon or a bad {@code Content-Length} is
 * reported to {@link Sink#malformed} and decoding goes on.
 */
public final class EslFrameDecoder {

    /** Header lines with no colon in them. */
    public static final String LINE_WITHOUT_COLON = "line-without-colon";
    /** A {@code Content-Length} that is not a non-negative number; the message is read as having no body. */
    public static final String BAD_CONTENT_LENGTH = "bad-content-length";
    /** A header block longer than {@value #MAX_HEADER_BYTES} bytes without a blank line; discarded. */
    public static final String OVERSIZED_HEADERS = "oversized-headers";

    static final int MAX_HEADER_BYTES = 256 * 1024;

    /** Where decoded frames and the input skipped on the way go. */
    public interface Sink {
        /** A complete message. */
        void frame(EslFrame frame);

        /** Input of {@code kind} was skipped; {@code sample} is raw and must be masked before logging. */
        void malformed(String kind, String sample);
    }

    private final Sink sink;
    private byte[] buffer = new byte[16 * 1024];
    private int length;
    private Map<String, String> pendingHeaders;
    private int pendingBody;

    /** A decoder that hands what it reads to {@code sink}. */
    public EslFrameDecoder(Sink sink) {
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    /** Feeds the next bytes read from the socket; complete frames go to the sink at once. */
    public void feed(byte[] bytes) {
        feed(bytes, 0, bytes.length);
    }

    /** Feeds {@code count} bytes of {@code bytes} from {@code offset}. */
    public void feed(byte[] bytes, int offset, int count) {
        ensure(length + count);
        System.arraycopy(bytes, offset, buffer, length, count);
        length += count;
        drain();
    }

    /** Whether a message has started but not completed: nothing half-read is lost silently at close. */
    public boolean midFrame() {
        return pendingHeaders != null || length > 0;
    }

    private void drain() {
        int at = 0;
        while (true) {
            if (pendingHeaders == null) {
                while (at < length && buffer[at] == '\n') {
                    at++;
                }
                int end = blankLine(at);
                if (end < 0) {
                    if (length - at > MAX_HEADER_BYTES) {
                        sink.malformed(OVERSIZED_HEADERS, text(at, Math.min(length - at, 300)));
                        at = length;
                    }
                    break;
                }
                pendingHeaders = headers(at, end);
                at = end + 2;
            }
            if (length - at < pendingBody) {
                break;
            }
            String body = pendingBody == 0 ? "" : text(at, pendingBody);
            at += pendingBody;
            Map<String, String> headers = pendingHeaders;
            pendingHeaders = null;
            pendingBody = 0;
            sink.frame(new EslFrame(headers, body));
        }
        if (at > 0) {
            System.arraycopy(buffer, at, buffer, 0, length - at);
            length -= at;
        }
    }

    private Map<String, String> headers(int from, int to) {
        Map<String, String> headers = new LinkedHashMap<>();
        int line = from;
        while (line < to) {
            int eol = indexOf((byte) '\n', line, to);
            int colon = indexOf((byte) ':', line, eol);
            if (colon <= line || colon >= eol) {
                sink.malformed(LINE_WITHOUT_COLON, text(line, eol - line));
            } else {
                int value = colon + 1 < eol && buffer[colon + 1] == ' ' ? colon + 2 : colon + 1;
                headers.put(text(line, colon - line), text(value, eol - value));
            }
            line = eol + 1;
        }
        String declared = headers.get("Content-Length");
        if (declared != null) {
            pendingBody = parseLength(declared);
        }
        return headers;
    }

    private int parseLength(String declared) {
        try {
            int parsed = Integer.parseInt(declared.trim());
            if (parsed >= 0) {
                return parsed;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        sink.malformed(BAD_CONTENT_LENGTH, "Content-Length: " + declared);
        return 0;
    }

    private int blankLine(int from) {
        for (int i = from; i + 1 < length; i++) {
            if (buffer[i] == '\n' && buffer[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private int indexOf(byte b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (buffer[i] == b) {
                return i;
            }
        }
        return to;
    }

    private String text(int from, int count) {
        return new String(buffer, from, count, StandardCharsets.UTF_8);
    }

    private void ensure(int capacity) {
        if (capacity > buffer.length) {
            byte[] bigger = new byte[Math.max(capacity, buffer.length * 2)];
            System.arraycopy(buffer, 0, bigger, 0, length);
            buffer = bigger;
        }
    }
}
