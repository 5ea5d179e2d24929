package io.switchboard.ami.translate.userevent;

import java.io.Serial;

/** [switchboard-connect] finished dialling an agent: {@code UserEvent: AgentDialResult}. */
public final class AgentDialResultEvent extends SwitchboardUserEvent {

    @Serial
    private static final long serialVersionUID = 1L;

    /** Called by Asterisk-Java's event builder. */
    public AgentDialResultEvent(Object source) {
        super(source);
    }
}
