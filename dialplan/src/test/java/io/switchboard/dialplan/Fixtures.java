package io.switchboard.dialplan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The recorded Asterisk 20 transcripts in {@code ../shared/fixtures} next to the repository, that is
 * {@code ../../shared/fixtures} from this module; {@code -Dsb.fixtures=/path} overrides it.
 */
final class Fixtures {

    /** The hold, redirect, agent-answers/no-answer/busy and inbound SIP scenarios the shipped glue follows. */
    static final List<String> HOLD_AND_REDIRECT = List.of(
            "05-hold-redirect-agent-answers.ami.txt",
            "06-hold-redirect-agent-noanswer.ami.txt",
            "07-hold-redirect-agent-busy.ami.txt",
            "11-inbound-sip-hold-redirect.ami.txt");

    private Fixtures() {
    }

    static Path asterisk() {
        Path root = Path.of(System.getProperty("sb.fixtures", "../../shared/fixtures")).resolve("asterisk-20");
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("recorded fixtures not found at " + root.toAbsolutePath()
                    + "; pass -Dsb.fixtures=/path/to/shared/fixtures");
        }
        return root;
    }

    /** The recorded FreeSWITCH 1.10.12 transcripts, next to the Asterisk ones. */
    static Path freeswitch() {
        Path root = asterisk().resolveSibling("freeswitch-1.10");
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("recorded fixtures not found at " + root.toAbsolutePath());
        }
        return root;
    }

    /** Every command line a FreeSWITCH transcript sent (the first line of each {@code ### SENT} block). */
    static List<String> freeswitchCommandsSent() {
        List<String> sent = new ArrayList<>();
        try (var files = Files.list(freeswitch())) {
            for (Path file : files.filter(p -> p.toString().endsWith(".esl.txt")).sorted().toList()) {
                String[] lines = Files.readString(file).split("\n");
                for (int i = 0; i + 1 < lines.length; i++) {
                    if (lines[i].equals("### SENT")) {
                        sent.add(lines[i + 1]);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sent;
    }

    static List<List<Map.Entry<String, String>>> messages(List<String> files) {
        List<List<Map.Entry<String, String>>> all = new ArrayList<>();
        for (String file : files) {
            try {
                all.addAll(AmiTranscript.messagesIn(asterisk().resolve(file)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return all;
    }

    static List<String> allTranscripts() {
        try (var files = Files.list(asterisk())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".ami.txt")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
