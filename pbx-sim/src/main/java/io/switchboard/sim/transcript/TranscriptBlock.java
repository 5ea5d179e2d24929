package io.switchboard.sim.transcript;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One block of a transcript: the bytes between one marker line and the next.
 *
 * <p>For AMI the bytes are exactly the wire bytes. For ESL a block whose last message body does
 * not end with LF carries one extra LF that the capture inserted so the next marker starts a line;
 * framing by {@code Content-Length} tells the two apart.
 *
 * @param index position of the block in its file, from 0
 * @param direction who wrote the bytes
 * @param bytes the block's bytes, marker line excluded
 */
public record TranscriptBlock(int index, Direction direction, byte[] bytes) {

    /** Copies the bytes so a block stays unchanged. */
    public TranscriptBlock {
        Objects.requireNonNull(direction, "direction");
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The block decoded as UTF-8, for assertions and diagnostics. */
    public String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TranscriptBlock that
                && index == that.index && direction == that.direction && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(index, direction, Arrays.hashCode(bytes));
    }

    @Override
    public String toString() {
        return "TranscriptBlock[#" + index + " " + direction + ", " + bytes.length + " bytes]";
    }
}
