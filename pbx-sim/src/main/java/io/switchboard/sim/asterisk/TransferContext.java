package io.switchboard.sim.asterisk;

import static io.switchboard.sim.asterisk.AgentContexts.var;

import io.switchboard.sim.ami.AmiHeader;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The glue's {@code switchboard-transfer}: AMI Redirect (or Atxfer) sends a channel to
 * {@code switchboard-transfer,<number>,1}; the number is kept in {@code SWITCHBOARD_TRANSFER_TARGET} and
 * {@code s} reports UserEvent CallTransferred (Target, TargetContext) before it goes on to
 * {@code <number>} in the admin's {@code SWITCHBOARD_TRANSFER_CONTEXT} (a context this model does not have,
 * so the channel then hangs up, as it leaves Asterisk for the trunk). Without a context or a number the
 * channel goes back to hold with reason NOTRANSFERCONTEXT.
 */
final class TransferContext {

    /** {@code _[0-9A-Za-z*#+].} and {@code _[0-9A-Za-z*#+]} together: one or more of those characters. */
    private static final Pattern NUMBER = Pattern.compile("[0-9A-Za-z*#+]+");

    private TransferContext() {
    }

    static Optional<Extension> find(String exten, GlueContexts contexts) {
        if ("s".equals(exten)) {
            return Optional.of(s(contexts));
        }
        if (!NUMBER.matcher(exten).matches()) {
            return Optional.empty();
        }
        return Optional.of(Extension.of(new Step.Set("SWITCHBOARD_TRANSFER_TARGET", c -> c.exten),
                new Step.Goto(null, "s", "1")));
    }

    private static Extension s(GlueContexts contexts) {
        return new Extension(List.of(
                new Step.NoOp(c -> "Switchboard transfers " + c.name + " to " + var(c, "SWITCHBOARD_TRANSFER_TARGET")
                        + "@" + var(c, "SWITCHBOARD_TRANSFER_CONTEXT")),
                new Step.GotoIf(c -> var(c, "SWITCHBOARD_TRANSFER_CONTEXT").isEmpty()
                        || var(c, "SWITCHBOARD_TRANSFER_TARGET").isEmpty(), "nocontext", null),
                new Step.UserEvent("CallTransferred", c -> List.of(
                        new AmiHeader("Target", var(c, "SWITCHBOARD_TRANSFER_TARGET")),
                        new AmiHeader("TargetContext", var(c, "SWITCHBOARD_TRANSFER_CONTEXT")))),
                new Step.GotoVariable(c -> var(c, "SWITCHBOARD_TRANSFER_CONTEXT"),
                        c -> var(c, "SWITCHBOARD_TRANSFER_TARGET")),
                new Step.Set("SWITCHBOARD_HOLD_REASON", c -> "NOTRANSFERCONTEXT"),
                new Step.Goto(contexts.hold(), "s", "1")),
                Map.of("nocontext", 5));
    }
}
