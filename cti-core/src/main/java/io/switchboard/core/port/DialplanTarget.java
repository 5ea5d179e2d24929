package io.switchboard.core.port;

import io.switchboard.core.Require;

/**
 * An extension in one of the admin's own dialplan contexts, e.g. a voicemail box: where a caller goes when they
 * leave Switchboard's hold ({@link CallControl#leaveQueue}). Asterisk {@code <context>,<extension>,1};
 * FreeSWITCH {@code <extension> XML <context>}.
 */
public record DialplanTarget(String context, String extension) {
    public DialplanTarget {
        Require.nonBlank(context, "context");
        Require.nonBlank(extension, "extension");
    }
}
