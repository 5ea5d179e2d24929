package io.switchboard.ami.translate.userevent;

import java.io.Serial;

/** [switchboard-agent-session] answered a nailed-up agent's leg: {@code UserEvent: AgentSessionStarted} with Agent. */
public final class AgentSessionStartedEvent extends SwitchboardUserEvent {

    @Serial
    private static final long serialVersionUID = 1L;

    /** Called by Asterisk-Java's event builder. */
    public AgentSessionStartedEvent(Object source) {
        super(source);
    }
}
