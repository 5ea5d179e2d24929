package io.switchboard.ami.translate.userevent;

import java.io.Serial;

/**
 * The transfer context hands the channel to the admin's context to dial a number:
 * {@code UserEvent: CallTransferred} with Target (the number) and TargetContext, sent just before the
 * {@code Goto}. Becomes {@code CallTransferred}.
 */
public final class CallTransferredEvent extends SwitchboardUserEvent {

    @Serial
    private static final long serialVersionUID = 1L;

    /** Called by Asterisk-Java's event builder. */
    public CallTransferredEvent(Object source) {
        super(source);
    }
}
