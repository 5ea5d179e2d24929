package io.switchboard.ami.translate.userevent;

import java.io.Serial;

/** A caller waits in [switchboard-hold]: {@code UserEvent: CallerOnHold} with a Reason. */
public final class CallerOnHoldEvent extends SwitchboardUserEvent {

    @Serial
    private static final long serialVersionUID = 1L;

    /** Called by Asterisk-Java's event builder. */
    public CallerOnHoldEvent(Object source) {
        super(source);
    }
}
