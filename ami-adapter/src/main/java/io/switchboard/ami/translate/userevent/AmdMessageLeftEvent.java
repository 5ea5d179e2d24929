package io.switchboard.ami.translate.userevent;

import java.io.Serial;

/**
 * The outbound dialplan left {@code SWITCHBOARD_MACHINE_MESSAGE} on an answering machine:
 * {@code UserEvent: AMDMessageLeft}, no fields (10b). Asterisk-Java matches the name without case. Becomes
 * {@code MachineMessageLeft}.
 */
public final class AmdMessageLeftEvent extends SwitchboardUserEvent {

    @Serial
    private static final long serialVersionUID = 1L;

    /** Called by Asterisk-Java's event builder. */
    public AmdMessageLeftEvent(Object source) {
        super(source);
    }
}
