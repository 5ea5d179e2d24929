package io.switchboard.sim.esl;

import io.switchboard.sim.wire.Decoded;
import io.switchboard.sim.wire.InputBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Streaming decoder for what an event socket server writes (the client's view): a header block,
 * then exactly {@code Content-Length} body bytes. Frame boundaries come from the length only, so
 * bodies without a trailing newline ({@code true}, JSON events) are followed directly by the next
 * frame.
 *
 * <p>Blank lines between frames are skipped. A header line without a colon or an unusable
 * {@code Content-Length} makes the header block {@link Decoded.Malformed}; decoding continues
 * after it. Not thread-safe.
 */
public final class EslFrameDecoder {

    /** Largest body accepted; a larger Content-Length is reported as malformed. */
    public static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

    private final InputBuffer buffer = new InputBuffer();
    private List<EslHeader> pendingHeaders;
    private int pendingLength;

    /** Decodes the whole chunk. */
    public List<Decoded<EslFrame>> feed(byte[] chunk) {
        return feed(chunk, 0, chunk.length);
    }

    /** Appends bytes read from the server and returns the frames they completed, in order. */
    public List<Decoded<EslFrame>> feed(byte[] chunk, int offset, int length) {
        buffer.append(chunk, offset, length);
        List<Decoded<EslFrame>> out = new ArrayList<>();
        while (true) {
            if (pendingHeaders != null) {
                if (buffer.size() < pendingLength) {
                    return out;
                }
                out.add(Decoded.ok(new EslFrame(pendingHeaders, buffer.take(pendingLength))));
                pendingHeaders = null;
                continue;
            }
            buffer.take(HeaderLines.leadingBlankBytes(buffer));
            int blockLength = HeaderLines.blockLength(buffer);
            if (blockLength < 0) {
                if (buffer.size() > HeaderLines.MAX_BLOCK_BYTES) {
                    out.add(Decoded.malformed("header block longer than " + HeaderLines.MAX_BLOCK_BYTES + " bytes",
                            buffer.take(buffer.size())));
                }
                return out;
            }
            byte[] block = buffer.take(blockLength);
            Decoded<EslFrame> headerProblem = readHeaders(block);
            if (headerProblem != null) {
                out.add(headerProblem);
            }
        }
    }

    /** True if some bytes of an unfinished frame are buffered. */
    public boolean hasPartialInput() {
        return pendingHeaders != null || buffer.size() > 0;
    }

    private Decoded<EslFrame> readHeaders(byte[] block) {
        List<EslHeader> headers = new ArrayList<>();
        for (String line : HeaderLines.lines(block)) {
            EslHeader header = HeaderLines.header(line);
            if (header == null) {
                return Decoded.malformed("header line without 'Name:': '" + line + "'", block);
            }
            headers.add(header);
        }
        String lengthValue = headers.stream().filter(h -> h.is("Content-Length"))
                .map(EslHeader::value).findFirst().orElse("0");
        int length = HeaderLines.contentLength(lengthValue, MAX_BODY_BYTES);
        if (length < 0) {
            return Decoded.malformed("unusable Content-Length '" + lengthValue + "'", block);
        }
        pendingHeaders = headers;
        pendingLength = length;
        return null;
    }
}
