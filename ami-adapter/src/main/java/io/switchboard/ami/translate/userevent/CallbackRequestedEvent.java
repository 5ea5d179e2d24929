package io.switchboard.ami.translate.userevent;

import java.io.Serial;

/**
 * A waiting caller pressed a key in the hold glue to be called back: {@code UserEvent: CallbackRequested} with
 * Digit (the key) and Number (the number to call back; empty for the caller's own), sent before the confirmation
 * plays and the caller is hung up. Becomes {@code CallbackRequested}.
 */
public final class CallbackRequestedEvent extends SwitchboardUserEvent {

    @Serial
    private static final long serialVersionUID = 1L;

    private String digit;
    private String number;

    /** Called by Asterisk-Java's event builder. */
    public CallbackRequestedEvent(Object source) {
        super(source);
    }

    /** {@code Digit}: the key the caller pressed. */
    public String getDigit() {
        return digit;
    }

    /** Set by Asterisk-Java from {@code Digit}. */
    public void setDigit(String digit) {
        this.digit = digit;
    }

    /** {@code Number}: the number to call back, empty for the caller's own. */
    public String getNumber() {
        return number;
    }

    /** Set by Asterisk-Java from {@code Number}. */
    public void setNumber(String number) {
        this.number = number;
    }
}
