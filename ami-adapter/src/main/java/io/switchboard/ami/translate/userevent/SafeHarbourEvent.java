package io.switchboard.ami.translate.userevent;

import java.io.Serial;

/**
 * An answered outbound call found no agent to join and gets the safe-harbour message:
 * {@code UserEvent: SafeHarbour} with Agent (may be empty) and Reason ({@code NOAGENT} or {@code AGENTABSENT}),
 * sent before the message plays. Becomes {@code SafeHarbourPlayed}.
 */
public final class SafeHarbourEvent extends SwitchboardUserEvent {

    @Serial
    private static final long serialVersionUID = 1L;

    /** Called by Asterisk-Java's event builder. */
    public SafeHarbourEvent(Object source) {
        super(source);
    }
}
