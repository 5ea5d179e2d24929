package io.switchboard.queue.dialer;

import io.switchboard.core.Require;

/**
 * What an agentless campaign ({@code DialMode.AGENTLESS}) plays and how hard it dials (V14's
 * {@code campaigns.broadcast_message}, {@code broadcast_lines}, {@code opt_out_digit}). A live answer hears
 * {@code message}, then a short prompt window in which {@code optOutDigit} puts the number on the campaign's
 * do-not-call list at once; a machine gets the campaign's machine action ({@code HANGUP} or {@code MESSAGE}).
 *
 * @param message     the sound file a live answer hears (Asterisk {@code Playback}, FreeSWITCH {@code playback})
 * @param lines       the most calls of the campaign in flight at once (ringing or playing), {@value #MIN_LINES}
 *                    to {@value #MAX_LINES}: there are no agents to pace against, so this is the pace
 * @param optOutDigit the key that opts the callee out, {@code 0}-{@code 9}; {@value #DEFAULT_OPT_OUT} unless set
 */
public record Broadcast(String message, int lines, char optOutDigit) {

    /** The fewest lines an agentless campaign may have. */
    public static final int MIN_LINES = 1;
    /** The most lines an agentless campaign may have, so one campaign never takes a whole trunk group. */
    public static final int MAX_LINES = 500;
    /** The opt-out key unless the campaign names another (the usual "press 9 to be removed from our list"). */
    public static final char DEFAULT_OPT_OUT = '9';

    public Broadcast {
        Require.nonBlank(message, "message");
        Require.between(lines, MIN_LINES, MAX_LINES, "lines");
        if (optOutDigit < '0' || optOutDigit > '9') {
            throw new IllegalArgumentException("optOutDigit must be one of 0-9, was '" + optOutDigit + "'");
        }
    }
}
