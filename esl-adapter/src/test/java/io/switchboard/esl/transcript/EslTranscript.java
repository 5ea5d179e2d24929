package io.switchboard.esl.transcript;

import io.switchboard.esl.wire.EslFrame;
import io.switchboard.esl.wire.EslFrameDecoder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A recorded FreeSWITCH 1.10 session from {@code ../shared/fixtures/freeswitch-1.10}: the
 * {@code ### RECEIVED} and {@code ### SENT} blocks in order, as exact wire bytes. The one LF the
 * recorder inserted before a marker after a body without a trailing LF is removed again (the README's
 * framing rule), so what a client reads is what FreeSWITCH sent.
 *
 * @param name the file name
 * @param steps the blocks in order
 */
public record EslTranscript(String name, List<Step> steps) {

    /** Every session file, in name order. */
    public static final List<String> ALL = List.of("01-connect-auth-ok.esl.txt", "02-auth-failure.esl.txt",
            "03-event-plain-all.esl.txt", "04-event-json-filter.esl.txt", "05-inbound-sip-park-bridge.esl.txt",
            "06-agent-busy-noanswer-failures.esl.txt", "07-outbound-dialer-nailed-agent.esl.txt",
            "08-transfer-kill-record-eavesdrop.esl.txt", "09-callcenter-queue-member-agent.esl.txt",
            "10-api-misc-sendmsg-log-shutdown.esl.txt", "10-api-misc-sendmsg-log-shutdown.conn2.esl.txt");

    private static final Pattern MARKER = Pattern.compile("(?m)^### (RECEIVED|SENT)\n");

    /**
     * One block.
     *
     * @param sent true for what the client sent, false for what FreeSWITCH sent
     * @param bytes the exact bytes
     */
    public record Step(boolean sent, byte[] bytes) {
        /** The bytes as text (ISO-8859-1, one char per byte). */
        public String text() {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    /** Reads {@code freeswitch-1.10/<fileName>}. */
    public static EslTranscript read(String fileName) {
        String file = new String(bytes(fixtures().resolve("freeswitch-1.10").resolve(fileName)),
                StandardCharsets.ISO_8859_1);
        List<Step> steps = new ArrayList<>();
        Matcher marker = MARKER.matcher(file);
        List<int[]> starts = new ArrayList<>();
        List<Boolean> kinds = new ArrayList<>();
        while (marker.find()) {
            starts.add(new int[] {marker.start(), marker.end()});
            kinds.add(marker.group(1).equals("SENT"));
        }
        for (int i = 0; i < starts.size(); i++) {
            int end = i + 1 < starts.size() ? starts.get(i + 1)[0] : file.length();
            String block = file.substring(starts.get(i)[1], end);
            if (!kinds.get(i)) {
                block = block.substring(0, wireEnd(block));
            }
            steps.add(new Step(kinds.get(i), block.getBytes(StandardCharsets.ISO_8859_1)));
        }
        return new EslTranscript(fileName, List.copyOf(steps));
    }

    /** Every message FreeSWITCH sent, cut by {@link EslFrameDecoder}; fails on any malformed input. */
    public List<EslFrame> receivedFrames() {
        List<EslFrame> frames = new ArrayList<>();
        EslFrameDecoder decoder = new EslFrameDecoder(new EslFrameDecoder.Sink() {
            @Override
            public void frame(EslFrame frame) {
                frames.add(frame);
            }

            @Override
            public void malformed(String kind, String sample) {
                throw new AssertionError(name + ": " + kind + " in " + sample);
            }
        });
        for (Step step : steps) {
            if (!step.sent()) {
                decoder.feed(step.bytes());
            }
        }
        if (decoder.midFrame()) {
            throw new AssertionError(name + " ends inside a message");
        }
        return frames;
    }

    /** Everything FreeSWITCH sent, in order, as one byte stream. */
    public byte[] receivedBytes() {
        var out = new java.io.ByteArrayOutputStream();
        steps.stream().filter(s -> !s.sent()).forEach(s -> out.writeBytes(s.bytes()));
        return out.toByteArray();
    }

    /** Where the last complete message of a RECEIVED block ends (after it, at most the recorder's LF). */
    private static int wireEnd(String block) {
        int at = 0;
        while (at < block.length()) {
            int headersEnd = block.indexOf("\n\n", at);
            if (headersEnd < 0) {
                break;
            }
            int length = 0;
            for (String line : block.substring(at, headersEnd).split("\n")) {
                if (line.startsWith("Content-Length: ")) {
                    length = Integer.parseInt(line.substring("Content-Length: ".length()).trim());
                }
            }
            at = headersEnd + 2 + length;
        }
        return Math.min(at, block.length());
    }

    /** {@code ../shared/fixtures} seen from the module, or {@code -Dsb.fixtures}. */
    public static Path fixtures() {
        String override = System.getProperty("sb.fixtures");
        return override != null ? Paths.get(override)
                : Paths.get(System.getProperty("user.dir")).resolve("../../shared/fixtures").normalize();
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("ESL fixture not found at " + file.toAbsolutePath()
                    + ": expected ../shared/fixtures next to the repository (or set -Dsb.fixtures=<dir>)", e);
        }
    }
}
