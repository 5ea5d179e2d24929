package io.switchboard.sim.ami;

import io.switchboard.sim.wire.Decoded;
import java.util.ArrayList;
import java.util.List;

/**
 * The simulator's side of an AMI connection: turns the bytes a client writes into actions.
 * Messages without an {@code Action} header are reported as malformed, never thrown.
 */
public final class AmiActionReader {

    private final AmiDecoder decoder = AmiDecoder.serverSide();

    /** Decodes the whole chunk. */
    public List<Decoded<AmiAction>> feed(byte[] chunk) {
        return feed(chunk, 0, chunk.length);
    }

    /** Appends bytes read from the client and returns the actions they completed, in order. */
    public List<Decoded<AmiAction>> feed(byte[] chunk, int offset, int length) {
        List<Decoded<AmiAction>> actions = new ArrayList<>();
        for (Decoded<AmiFrame> unit : decoder.feed(chunk, offset, length)) {
            if (unit instanceof Decoded.Ok<AmiFrame> ok && ok.value() instanceof AmiMessage message) {
                actions.add(AmiAction.from(message));
            } else if (unit instanceof Decoded.Malformed<AmiFrame> bad) {
                actions.add(Decoded.malformed(bad.reason(), bad.raw()));
            }
        }
        return actions;
    }
}
