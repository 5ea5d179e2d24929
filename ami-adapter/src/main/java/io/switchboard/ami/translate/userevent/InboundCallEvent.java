package io.switchboard.ami.translate.userevent;

import java.io.Serial;

/** A caller was announced by [switchboard-inbound]: {@code UserEvent: InboundCall}. */
public final class InboundCallEvent extends SwitchboardUserEvent {

    @Serial
    private static final long serialVersionUID = 1L;

    /** Called by Asterisk-Java's event builder. */
    public InboundCallEvent(Object source) {
        super(source);
    }
}
