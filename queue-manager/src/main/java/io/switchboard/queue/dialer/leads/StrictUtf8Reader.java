package io.switchboard.queue.dialer.leads;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8 strictly ({@link CodingErrorAction#REPORT}): a byte sequence that is not UTF-8 (a Latin-1
 * {@code é}, a Windows-1252 quote) stops the read with {@link NotUtf8Exception} naming its offset, once every
 * character before it has been read (so the caller knows the row), instead of
 * becoming a silent {@code U+FFFD} in a customer's name. A leading byte-order mark is skipped. Counts the bytes
 * consumed so a caller can report progress.
 */
final class StrictUtf8Reader extends Reader {

    private static final int CHUNK = 64 * 1024;
    private static final char BOM = '\uFEFF';

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(CHUNK);
    private final CharBuffer chars = CharBuffer.allocate(CHUNK);
    private long bytesBeforeBuffer;
    private boolean endOfInput;
    private boolean atStart = true;
    private long malformedAt = -1;

    StrictUtf8Reader(InputStream in) {
        this.in = in;
        bytes.flip();
        chars.flip();
    }

    @Override
    public int read(char[] target, int offset, int length) throws IOException {
        while (!chars.hasRemaining()) {
            if (malformedAt >= 0) {
                throw new NotUtf8Exception(malformedAt);
            }
            if (!fill()) {
                return -1;
            }
        }
        if (atStart) {
            atStart = false;
            if (chars.get(chars.position()) == BOM) {
                chars.get();
                if (!chars.hasRemaining()) {
                    return read(target, offset, length);
                }
            }
        }
        int n = Math.min(length, chars.remaining());
        chars.get(target, offset, n);
        return n;
    }

    /** Bytes decoded so far (read from the stream and turned into characters). */
    long bytesRead() {
        return bytesBeforeBuffer + bytes.position();
    }

    private boolean fill() throws IOException {
        if (endOfInput && !bytes.hasRemaining()) {
            return false;
        }
        if (!endOfInput) {
            bytesBeforeBuffer += bytes.position();
            bytes.compact();
            int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
            if (n < 0) {
                endOfInput = true;
            } else {
                bytes.position(bytes.position() + n);
            }
            bytes.flip();
        }
        chars.clear();
        CoderResult result = decoder.decode(bytes, chars, endOfInput);
        if (result.isError()) {
            malformedAt = bytesRead();
        }
        if (endOfInput && !bytes.hasRemaining()) {
            decoder.flush(chars);
        }
        chars.flip();
        return chars.hasRemaining() || malformedAt >= 0 || !endOfInput || bytes.hasRemaining();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** The input is not UTF-8 at {@link #offset()}. */
    static final class NotUtf8Exception extends IOException {

        private final long offset;

        NotUtf8Exception(long offset) {
            super("not UTF-8 at byte " + offset, null);
            this.offset = offset;
        }

        long offset() {
            return offset;
        }
    }
}
