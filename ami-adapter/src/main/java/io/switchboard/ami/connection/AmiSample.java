package io.switchboard.ami.connection;

/** A short, log-safe sample of what came off the socket: cut to a length, digit runs of phone-number size masked. */
final class AmiSample {

    private static final int MAX_CHARS = 200;

    private AmiSample() {
    }

    /** The event's type and the start of its fields. */
    static String of(Object event) {
        return of(String.valueOf(event));
    }

    /** The start of {@code text}, with every run of 6 or more digits shortened to its last 2. */
    static String of(String text) {
        String cut = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) + "..." : text;
        return cut.replaceAll("\\d{4,}(\\d{2})(?!\\d)", "****$1").replace("\r", "\\r").replace("\n", "\\n");
    }
}
