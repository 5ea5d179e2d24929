package io.switchboard.ami.connection;

import java.util.function.Supplier;

/**
 * Follows the lines Asterisk-Java's reader takes off the socket, with the same framing (a blank line ends a
 * message, {@code Name: value} headers, the banner on a line of its own), and reports to {@link MalformedInput}
 * what that reader skips silently. Runs on the reader thread for every line, so it only looks at the
 * start of each line; whether an event name is known is asked once per name.
 */
final class InputCheck {

    private static final int SAMPLE_LINES = 8;
    private static final String[] BANNERS = {"Asterisk Call Manager/", "Asterisk Call Manager Proxy/",
            "Asterisk Manager Proxy/", "OpenPBX Call Manager/", "CallWeaver Call Manager/"};

    private final Supplier<MalformedInput> sink;
    private final KnownEvents knownEvents;
    private final StringBuilder sample = new StringBuilder();
    private int lines;
    private String event;
    private String userEvent;
    private boolean response;
    private boolean legacyCommandOutput;
    private boolean actionId;
    private String badLine;

    /**
     * @param sink    where to report; read per message, so that the connection can attach one after creation
     * @param knownEvents the event names the reader turns into objects
     */
    InputCheck(Supplier<MalformedInput> sink, KnownEvents knownEvents) {
        this.sink = sink;
        this.knownEvents = knownEvents;
    }

    /** The next line the reader got, without its CRLF; never throws. */
    void line(String line) {
        if (line == null) {
            return;
        }
        try {
            if (line.isEmpty()) {
                endOfMessage();
            } else if (lines == 0 && isBanner(line)) {
                return;
            } else {
                header(line);
            }
        } catch (RuntimeException bug) {
            reset();
        }
    }

    private void header(String line) {
        lines++;
        if (lines <= SAMPLE_LINES) {
            sample.append(line).append('\n');
        }
        int colon = line.indexOf(": ");
        boolean asteriskBug13319 = line.startsWith("From ") || line.startsWith("To ");
        if (colon <= 0 && !asteriskBug13319) {
            if (!legacyCommandOutput && badLine == null && !line.endsWith(":")) {
                badLine = line;
            }
            return;
        }
        int length = Math.max(colon, 0); // names compared in place: no substring for every line read
        if (named(line, length, "Event") && event == null) {
            event = line.substring(colon + 2).trim();
        } else if (named(line, length, "UserEvent") && userEvent == null) {
            userEvent = line.substring(colon + 2).trim();
        } else if (named(line, length, "Response")) {
            response = true;
            legacyCommandOutput = "Follows".equals(line.substring(colon + 2).trim());
        } else if (named(line, length, "ActionID")) {
            actionId = true;
        }
    }

    /** Whether the header name, the first {@code length} characters of {@code line}, is {@code name} in any case. */
    private static boolean named(String line, int length, String name) {
        return length == name.length() && line.regionMatches(true, 0, name, 0, length);
    }

    private void endOfMessage() {
        if (lines == 0) {
            return;
        }
        MalformedInput input = sink.get();
        if (input != null) {
            if (badLine != null) {
                input.skipped(MalformedInput.LINE_WITHOUT_COLON, badLine);
            }
            if (event != null) {
                boolean user = "UserEvent".equalsIgnoreCase(event) && userEvent != null;
                if (!knownEvents.isKnown(event, user ? userEvent : null)) {
                    input.unknownEvent(printable(user ? "UserEvent/" + userEvent : event), sample.toString());
                }
            } else if (response && !actionId) {
                input.skipped(MalformedInput.RESPONSE_WITHOUT_ACTION_ID, sample.toString());
            } else if (!response) {
                input.skipped(MalformedInput.NEITHER_EVENT_NOR_RESPONSE, sample.toString());
            }
        }
        reset();
    }

    private static String printable(String name) {
        String kept = name.replaceAll("[^A-Za-z0-9_/-]", "?");
        return kept.length() > 40 ? kept.substring(0, 40) : kept;
    }

    private static boolean isBanner(String line) {
        for (String banner : BANNERS) {
            if (line.startsWith(banner)) {
                return true;
            }
        }
        return false;
    }

    private void reset() {
        sample.setLength(0);
        lines = 0;
        event = null;
        userEvent = null;
        response = false;
        legacyCommandOutput = false;
        actionId = false;
        badLine = null;
    }
}
