package io.switchboard.ami.translate.userevent;

import java.io.Serial;

/** *70 (nailed) or *71 (on demand) logged an agent in: {@code UserEvent: AgentLogin} with Agent, Device, Mode. */
public final class AgentLoginEvent extends SwitchboardUserEvent {

    @Serial
    private static final long serialVersionUID = 1L;

    /** Called by Asterisk-Java's event builder. */
    public AgentLoginEvent(Object source) {
        super(source);
    }
}
