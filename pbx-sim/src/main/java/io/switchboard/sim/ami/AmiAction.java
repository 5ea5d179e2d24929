package io.switchboard.sim.ami;

import io.switchboard.sim.wire.Decoded;
import java.util.List;
import java.util.Optional;

/**
 * An action a client sent: a message whose first {@code Action} header names it.
 *
 * @param message the message as received, all headers in order
 */
public record AmiAction(AmiMessage message) {

    /** Rejects messages without an {@code Action} header. */
    public AmiAction {
        if (message.first("Action").filter(a -> !a.isBlank()).isEmpty()) {
            throw new IllegalArgumentException("an AMI action needs a non-empty Action header");
        }
    }

    /** Reads a message as an action, reporting a missing {@code Action} header as malformed. */
    public static Decoded<AmiAction> from(AmiMessage message) {
        if (message.first("Action").filter(a -> !a.isBlank()).isEmpty()) {
            return Decoded.malformed("AMI message without Action header", message.encode());
        }
        return Decoded.ok(new AmiAction(message));
    }

    /** The action name as sent, e.g. {@code Originate}; compare ignoring case as Asterisk does. */
    public String name() {
        return message.first("Action").orElseThrow().trim();
    }

    /** True if this is the named action, ignoring case. */
    public boolean is(String actionName) {
        return name().equalsIgnoreCase(actionName);
    }

    /** The client's {@code ActionID}, echoed in the response and related events. */
    public Optional<String> actionId() {
        return message.actionId();
    }

    /** The first value of a header. */
    public Optional<String> header(String name) {
        return message.first(name);
    }

    /** Every {@code Variable} header in order ({@code Originate} may repeat it). */
    public List<String> variables() {
        return message.all("Variable");
    }
}
