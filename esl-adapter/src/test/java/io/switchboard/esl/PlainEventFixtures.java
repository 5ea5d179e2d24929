package io.switchboard.esl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * Pulls the {@code text/event-plain} bodies out of a recorded FreeSWITCH 1.10 session in
 * {@code ../shared/fixtures/freeswitch-1.10} (seen from the module directory as
 * {@code ../../shared/fixtures}). Frames are cut by Content-Length, as on the wire.
 */
final class PlainEventFixtures {

    private PlainEventFixtures() {
    }

    /** Every plain event body the server sent, in order. */
    static List<String> bodies(String fileName) {
        String file = read(fileName);
        List<String> bodies = new ArrayList<>();
        for (String block : file.split("(?m)^### RECEIVED\n")) {
            String received = block.split("(?m)^### SENT\n", 2)[0];
            int at = 0;
            while (at < received.length() && received.charAt(at) != '\n') {
                int headerEnd = received.indexOf("\n\n", at);
                String headers = received.substring(at, headerEnd);
                int length = contentLength(headers);
                String body = received.substring(headerEnd + 2, headerEnd + 2 + length);
                if (headers.contains("Content-Type: text/event-plain")) {
                    bodies.add(new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
                }
                at = headerEnd + 2 + length;
            }
        }
        return bodies;
    }

    /** The first plain event body with the given Event-Name. */
    static String first(String fileName, String eventName) {
        return bodies(fileName).stream().filter(b -> b.startsWith("Event-Name: " + eventName + "\n")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + eventName + " event in " + fileName));
    }

    private static int contentLength(String headers) {
        for (String line : headers.split("\n")) {
            if (line.startsWith("Content-Length: ")) {
                return Integer.parseInt(line.substring("Content-Length: ".length()));
            }
        }
        return 0;
    }

    private static String read(String fileName) {
        String override = System.getProperty("sb.fixtures");
        Path root = override != null ? Paths.get(override)
                : Paths.get(System.getProperty("user.dir")).resolve("../../shared/fixtures").normalize();
        Path file = root.resolve("freeswitch-1.10").resolve(fileName);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("ESL fixture not found at " + file.toAbsolutePath()
                    + ": expected ../shared/fixtures next to the repository (or set -Dsb.fixtures=<dir>)");
        }
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
