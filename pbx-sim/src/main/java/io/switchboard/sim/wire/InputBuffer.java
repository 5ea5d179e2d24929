package io.switchboard.sim.wire;

import java.util.Arrays;

/**
 * A growable byte queue for streaming decoders: reads are appended at the end, decoded units are
 * taken from the front. Not thread-safe; one decoder owns one buffer.
 */
public final class InputBuffer {

    private byte[] bytes = new byte[1024];
    private int start;
    private int end;

    /** Appends {@code length} bytes of {@code chunk} starting at {@code offset}. */
    public void append(byte[] chunk, int offset, int length) {
        if (length > bytes.length - end) {
            compactOrGrow(length);
        }
        System.arraycopy(chunk, offset, bytes, end, length);
        end += length;
    }

    /** Number of buffered bytes not yet taken. */
    public int size() {
        return end - start;
    }

    /** The byte at {@code index}, counted from the front of the unread data. */
    public byte get(int index) {
        return bytes[start + index];
    }

    /**
     * Position of the first occurrence of {@code pattern} at or after {@code from}, counted from the
     * front, or -1.
     */
    public int indexOf(byte[] pattern, int from) {
        int last = size() - pattern.length;
        outer:
        for (int i = Math.max(from, 0); i <= last; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (bytes[start + i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Removes and returns the first {@code length} bytes. */
    public byte[] take(int length) {
        if (length > size()) {
            throw new IllegalArgumentException("only " + size() + " bytes buffered, " + length + " asked");
        }
        byte[] out = Arrays.copyOfRange(bytes, start, start + length);
        start += length;
        if (start == end) {
            start = 0;
            end = 0;
        }
        return out;
    }

    private void compactOrGrow(int extra) {
        int size = size();
        byte[] target = size + extra > bytes.length ? new byte[Math.max(bytes.length * 2, size + extra)] : bytes;
        System.arraycopy(bytes, start, target, 0, size);
        bytes = target;
        start = 0;
        end = size;
    }
}
