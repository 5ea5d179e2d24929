package io.switchboard.esl.connection;

import io.switchboard.esl.EventEncoding;

import java.util.List;

/**
 * The events Switchboard asks FreeSWITCH for: only those it translates, never {@code ALL} (every
 * CHANNEL_STATE, CODEC, HEARTBEAT... would cost FreeSWITCH's queue and this reader for nothing), plus
 * {@code CUSTOM <subclass>} for each registered CUSTOM translator.
 */
public final class EslSubscription {

    /** The event names, in the order they are sent. */
    public static final List<String> EVENTS = List.of("CHANNEL_CREATE", "CHANNEL_PROGRESS", "CHANNEL_PROGRESS_MEDIA",
            "CHANNEL_ANSWER", "CHANNEL_BRIDGE", "CHANNEL_HANGUP", "CHANNEL_HANGUP_COMPLETE", "BACKGROUND_JOB", "SHUTDOWN");

    private EslSubscription() {
    }

    /** The {@code event} command, e.g. {@code event plain CHANNEL_CREATE ... SHUTDOWN CUSTOM a::b}. */
    public static String command(EventEncoding encoding, List<String> customSubclasses) {
        StringBuilder command = new StringBuilder("event ").append(encoding.word()).append(' ')
                .append(String.join(" ", EVENTS));
        if (!customSubclasses.isEmpty()) {
            command.append(" CUSTOM ").append(String.join(" ", customSubclasses));
        }
        return command.toString();
    }
}
