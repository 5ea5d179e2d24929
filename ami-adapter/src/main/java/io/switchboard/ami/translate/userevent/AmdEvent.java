package io.switchboard.ami.translate.userevent;

import java.io.Serial;

/** The outbound dialplan reports AMD()'s result: {@code UserEvent: AMD} with Status and Cause (Quirk 28). */
public final class AmdEvent extends SwitchboardUserEvent {

    @Serial
    private static final long serialVersionUID = 1L;

    /** Called by Asterisk-Java's event builder. */
    public AmdEvent(Object source) {
        super(source);
    }
}
