package io.switchboard.ami.translate.userevent;

import java.io.Serial;

/** *72 logged an agent out: {@code UserEvent: AgentLogout} with Agent, Device. */
public final class AgentLogoutEvent extends SwitchboardUserEvent {

    @Serial
    private static final long serialVersionUID = 1L;

    /** Called by Asterisk-Java's event builder. */
    public AgentLogoutEvent(Object source) {
        super(source);
    }
}
