package io.switchboard.dialplan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What Asterisk sent in one recorded AMI session (fixtures/asterisk-20): the RECEIVED blocks, cut into
 * messages at the blank line. Headers keep their order and duplicates (fixture Quirk 7).
 */
final class AmiTranscript {

    private static final Pattern MARKER = Pattern.compile("(?m)^### (SENT|RECEIVED)\r\n");

    private AmiTranscript() {
    }

    static List<List<Map.Entry<String, String>>> messagesIn(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.ISO_8859_1);
        var matcher = MARKER.matcher(text);
        StringBuilder received = new StringBuilder();
        int blockStart = -1;
        boolean receiving = false;
        while (matcher.find()) {
            if (receiving) {
                received.append(text, blockStart, matcher.start());
            }
            receiving = matcher.group(1).equals("RECEIVED");
            blockStart = matcher.end();
        }
        if (receiving) {
            received.append(text.substring(blockStart));
        }
        List<List<Map.Entry<String, String>>> messages = new ArrayList<>();
        for (String block : received.toString().split("\r\n\r\n")) {
            List<Map.Entry<String, String>> headers = new ArrayList<>();
            for (String line : block.split("\r\n")) {
                int colon = line.indexOf(": ");
                if (colon > 0) {
                    headers.add(new SimpleEntry<>(line.substring(0, colon), line.substring(colon + 2)));
                }
            }
            if (!headers.isEmpty()) {
                messages.add(headers);
            }
        }
        return messages;
    }
}
