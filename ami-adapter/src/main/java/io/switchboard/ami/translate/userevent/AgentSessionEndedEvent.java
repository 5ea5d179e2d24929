package io.switchboard.ami.translate.userevent;

import java.io.Serial;

/** A nailed-up agent's leg ended (sent from its h extension): {@code UserEvent: AgentSessionEnded} with Agent. */
public final class AgentSessionEndedEvent extends SwitchboardUserEvent {

    @Serial
    private static final long serialVersionUID = 1L;

    /** Called by Asterisk-Java's event builder. */
    public AgentSessionEndedEvent(Object source) {
        super(source);
    }
}
