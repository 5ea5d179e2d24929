package io.switchboard.ami;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the recorded Asterisk 20 AMI sessions in {@code ../shared/fixtures/asterisk-20}, which
 * Maven sees as {@code ../../shared/fixtures} from the module directory.
 */
final class AmiFixtures {

    private AmiFixtures() {
    }

    /** The file's lines, split on CRLF exactly as on the wire. */
    static List<String> lines(String fileName) {
        Path file = root().resolve("asterisk-20").resolve(fileName);
        try {
            return Arrays.asList(new String(Files.readAllBytes(file), StandardCharsets.UTF_8).split("\r\n", -1));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read fixture " + file.toAbsolutePath(), e);
        }
    }

    /** The first line the server sent: the AMI banner. */
    static String banner(String fileName) {
        List<String> lines = lines(fileName);
        if (!lines.get(0).equals("### RECEIVED")) {
            throw new IllegalStateException(fileName + " does not start with a RECEIVED block");
        }
        return lines.get(1);
    }

    private static Path root() {
        String override = System.getProperty("sb.fixtures");
        Path root = override != null ? Paths.get(override)
                : Paths.get(System.getProperty("user.dir")).resolve("../../shared/fixtures").normalize();
        if (!Files.isDirectory(root.resolve("asterisk-20"))) {
            throw new IllegalStateException("AMI fixtures not found at " + root.toAbsolutePath().resolve("asterisk-20")
                    + ": expected ../shared/fixtures next to the repository (or set -Dsb.fixtures=<dir>)");
        }
        return root;
    }
}
