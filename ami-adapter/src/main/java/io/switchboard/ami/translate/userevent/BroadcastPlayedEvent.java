package io.switchboard.ami.translate.userevent;

import java.io.Serial;

/**
 * An agentless campaign's live answer heard its broadcast and the opt-out prompt ended:
 * {@code UserEvent: BroadcastPlayed} with Status {@code HEARD} or {@code OPTEDOUT} (the opt-out digit was
 * pressed), sent before the glue hangs up. Becomes {@code BroadcastPlayed}.
 */
public final class BroadcastPlayedEvent extends SwitchboardUserEvent {

    @Serial
    private static final long serialVersionUID = 1L;

    /** Called by Asterisk-Java's event builder. */
    public BroadcastPlayedEvent(Object source) {
        super(source);
    }
}
