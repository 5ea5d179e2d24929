package io.switchboard.sim.esl;

import io.switchboard.sim.wire.Decoded;
import io.switchboard.sim.wire.InputBuffer;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Streaming decoder for what an ESL client writes (the simulator's view): a command line, header
 * lines, a blank line, then {@code content-length} body bytes if that header was sent (only
 * {@code sendmsg} uses it). LF and CRLF line ends are both accepted; blank lines between commands
 * are skipped. Unparseable input comes back as {@link Decoded.Malformed}. Not thread-safe.
 */
public final class EslCommandDecoder {

    /** Largest {@code sendmsg} body accepted. */
    public static final int MAX_BODY_BYTES = 1024 * 1024;

    private final InputBuffer buffer = new InputBuffer();
    private String pendingLine;
    private List<EslHeader> pendingHeaders;
    private byte[] pendingBlock;
    private int pendingLength;

    /** Decodes the whole chunk. */
    public List<Decoded<EslCommand>> feed(byte[] chunk) {
        return feed(chunk, 0, chunk.length);
    }

    /** Appends bytes read from the client and returns the commands they completed, in order. */
    public List<Decoded<EslCommand>> feed(byte[] chunk, int offset, int length) {
        buffer.append(chunk, offset, length);
        List<Decoded<EslCommand>> out = new ArrayList<>();
        while (true) {
            if (pendingLine != null) {
                if (buffer.size() < pendingLength) {
                    return out;
                }
                byte[] body = buffer.take(pendingLength);
                ByteArrayOutputStream raw = new ByteArrayOutputStream();
                raw.writeBytes(pendingBlock);
                raw.writeBytes(body);
                out.add(EslCommandParser.parse(pendingLine, pendingHeaders, body, raw.toByteArray()));
                pendingLine = null;
                continue;
            }
            buffer.take(HeaderLines.leadingBlankBytes(buffer));
            int blockLength = HeaderLines.blockLength(buffer);
            if (blockLength < 0) {
                if (buffer.size() > HeaderLines.MAX_BLOCK_BYTES) {
                    out.add(Decoded.malformed("command longer than " + HeaderLines.MAX_BLOCK_BYTES + " bytes",
                            buffer.take(buffer.size())));
                }
                return out;
            }
            Decoded<EslCommand> problem = readBlock(buffer.take(blockLength));
            if (problem != null) {
                out.add(problem);
            }
        }
    }

    /** True if some bytes of an unfinished command are buffered. */
    public boolean hasPartialInput() {
        return pendingLine != null || buffer.size() > 0;
    }

    private Decoded<EslCommand> readBlock(byte[] block) {
        List<String> lines = HeaderLines.lines(block);
        List<EslHeader> headers = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            EslHeader header = HeaderLines.header(line);
            if (header == null) {
                return Decoded.malformed("header line without 'Name:': '" + line + "'", block);
            }
            headers.add(header);
        }
        String lengthValue = headers.stream().filter(h -> h.is("Content-Length"))
                .map(EslHeader::value).findFirst().orElse("0");
        int length = HeaderLines.contentLength(lengthValue.trim(), MAX_BODY_BYTES);
        if (length < 0) {
            return Decoded.malformed("unusable content-length '" + lengthValue + "'", block);
        }
        pendingLine = lines.get(0);
        pendingHeaders = headers;
        pendingBlock = block;
        pendingLength = length;
        return null;
    }
}
