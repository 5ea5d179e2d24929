package io.switchboard.sim.esl;

import io.switchboard.sim.wire.InputBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Splitting and parsing of ESL header blocks, shared by both decoders. */
final class HeaderLines {

    /** Longest header block accepted before the input is reported as malformed. */
    static final int MAX_BLOCK_BYTES = 64 * 1024;

    private HeaderLines() {
    }

    /**
     * Length of the header block at the front of the buffer including its blank line, or -1 if it
     * is not complete yet. Accepts LF and CRLF line ends.
     */
    static int blockLength(InputBuffer buffer) {
        for (int i = 0; i < buffer.size(); i++) {
            if (buffer.get(i) != '\n') {
                continue;
            }
            int next = i + 1;
            if (next < buffer.size() && buffer.get(next) == '\n') {
                return next + 1;
            }
            if (next + 1 < buffer.size() && buffer.get(next) == '\r' && buffer.get(next + 1) == '\n') {
                return next + 2;
            }
        }
        return -1;
    }

    /** Number of blank-line bytes (LF or CRLF) at the front of the buffer. */
    static int leadingBlankBytes(InputBuffer buffer) {
        int i = 0;
        while (i < buffer.size()) {
            if (buffer.get(i) == '\n') {
                i++;
            } else if (buffer.get(i) == '\r' && i + 1 < buffer.size() && buffer.get(i + 1) == '\n') {
                i += 2;
            } else {
                break;
            }
        }
        return i;
    }

    /** The non-empty lines of a header block, line ends removed. */
    static List<String> lines(byte[] block) {
        String text = new String(block, StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            String stripped = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            if (!stripped.isEmpty()) {
                lines.add(stripped);
            }
        }
        return lines;
    }

    /** Parses {@code Name: Value}; null if the line has no name before a colon. */
    static EslHeader header(String line) {
        int colon = line.indexOf(':');
        if (colon <= 0) {
            return null;
        }
        int valueStart = colon + 1 < line.length() && line.charAt(colon + 1) == ' ' ? colon + 2 : colon + 1;
        return new EslHeader(line.substring(0, colon), line.substring(valueStart));
    }

    /** Parses a Content-Length value; -1 unless it is a plain decimal (no sign, no leading zero) within limits. */
    static int contentLength(String value, int max) {
        boolean canonical = !value.isEmpty() && value.length() <= 10 && (value.length() == 1 || value.charAt(0) != '0');
        if (!canonical || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        long length = Long.parseLong(value);
        return length > max ? -1 : (int) length;
    }
}
