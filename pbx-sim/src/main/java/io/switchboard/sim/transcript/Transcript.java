package io.switchboard.sim.transcript;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A recorded PBX session: the ordered {@code ### SENT} / {@code ### RECEIVED} blocks of one
 * fixture file.
 *
 * <p>A marker is a whole line {@code ### SENT} or {@code ### RECEIVED}, ended by CRLF in the AMI
 * files and by LF in the ESL files; it is only recognised at the start of a line. The file must
 * begin with a marker. Everything up to the next marker line is the block's content, byte for byte.
 *
 * @param name where the transcript came from, for messages
 * @param blocks the blocks in file order
 */
public record Transcript(String name, List<TranscriptBlock> blocks) {

    private static final byte[] PREFIX = "### ".getBytes(StandardCharsets.US_ASCII);

    /** Freezes the block list. */
    public Transcript {
        blocks = List.copyOf(blocks);
    }

    /** Reads and parses a fixture file. */
    public static Transcript read(Path file) {
        try {
            return parse(file.getFileName().toString(), Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read transcript " + file, e);
        }
    }

    /**
     * Parses transcript bytes.
     *
     * @throws IllegalArgumentException if the bytes do not start with a marker line
     */
    public static Transcript parse(String name, byte[] file) {
        List<TranscriptBlock> blocks = new ArrayList<>();
        Marker current = Marker.at(file, 0);
        if (current == null) {
            throw new IllegalArgumentException(name + ": a transcript must start with '### SENT' or '### RECEIVED'");
        }
        int lineStart = current.end;
        int contentStart = current.end;
        while (lineStart <= file.length) {
            Marker next = lineStart < file.length ? Marker.at(file, lineStart) : null;
            if (next != null || lineStart == file.length) {
                byte[] content = Arrays.copyOfRange(file, contentStart, lineStart);
                blocks.add(new TranscriptBlock(blocks.size(), current.direction, content));
                if (next == null) {
                    break;
                }
                current = next;
                contentStart = next.end;
                lineStart = next.end;
                continue;
            }
            lineStart = nextLineStart(file, lineStart);
        }
        return new Transcript(name, blocks);
    }

    /** The blocks one side wrote, in order. */
    public List<TranscriptBlock> blocks(Direction direction) {
        return blocks.stream().filter(b -> b.direction() == direction).toList();
    }

    /** All bytes one side wrote, concatenated in order. */
    public byte[] concatenated(Direction direction) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        blocks(direction).forEach(b -> out.writeBytes(b.bytes()));
        return out.toByteArray();
    }

    private static int nextLineStart(byte[] file, int from) {
        for (int i = from; i < file.length; i++) {
            if (file[i] == '\n') {
                return i + 1;
            }
        }
        return file.length;
    }

    private record Marker(Direction direction, int end) {

        static Marker at(byte[] file, int position) {
            if (!startsWith(file, position, PREFIX)) {
                return null;
            }
            int nameStart = position + PREFIX.length;
            for (Direction direction : Direction.values()) {
                byte[] word = direction.name().getBytes(StandardCharsets.US_ASCII);
                int after = nameStart + word.length;
                if (!startsWith(file, nameStart, word)) {
                    continue;
                }
                if (startsWith(file, after, new byte[] {'\r', '\n'})) {
                    return new Marker(direction, after + 2);
                }
                if (startsWith(file, after, new byte[] {'\n'})) {
                    return new Marker(direction, after + 1);
                }
            }
            return null;
        }

        private static boolean startsWith(byte[] file, int position, byte[] prefix) {
            if (position + prefix.length > file.length) {
                return false;
            }
            for (int i = 0; i < prefix.length; i++) {
                if (file[position + i] != prefix[i]) {
                    return false;
                }
            }
            return true;
        }
    }
}
