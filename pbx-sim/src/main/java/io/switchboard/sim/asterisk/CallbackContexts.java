package io.switchboard.sim.asterisk;

import io.switchboard.sim.ami.AmiHeader;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The queued callback's part of the shipped glue: the keys of {@code [switchboard-hold]} ({@code _[0-9*#]}
 * reports UserEvent CallbackRequested and goes back to waiting at {@code s,wait}; {@code t} and {@code i} go
 * back too) and {@code [switchboard-callback]} (the confirmation: Playback, then Hangup).
 */
final class CallbackContexts {

    /** The context's name in the shipped glue. */
    static final String CALLBACK = "switchboard-callback";

    /** {@code WaitExten}'s timeout in the hold context, in seconds. */
    static final long HOLD_SECONDS = 3600;

    /** The confirmation without {@code SWITCHBOARD_CALLBACK_MESSAGE}: core sounds. */
    static final String DEFAULT_MESSAGE = "queue-thankyou&vm-goodbye";

    private CallbackContexts() {
    }

    /** {@code _[0-9*#]}, {@code t} and {@code i} of the hold context. */
    static Optional<Extension> holdKey(String exten) {
        Step back = new Step.Goto(null, "s", "wait");
        if (exten.matches("[0-9*#]")) {
            return Optional.of(Extension.of(
                    new Step.UserEvent("CallbackRequested", c -> List.of(new AmiHeader("Digit", c.exten),
                            new AmiHeader("Number", c.callerNum == null ? "" : c.callerNum))),
                    back));
        }
        return "t".equals(exten) || "i".equals(exten) ? Optional.of(Extension.of(back)) : Optional.empty();
    }

    /** {@code switchboard-callback,s}. */
    static Optional<Extension> callback(String exten) {
        if (!"s".equals(exten)) {
            return Optional.empty();
        }
        return Optional.of(new Extension(List.of(
                new Step.NoOp(c -> "Switchboard will call " + c.callerNum + " back: " + c.name + " hangs up"),
                new Step.Instant("Playback", c -> {
                    String message = c.variables.getOrDefault("SWITCHBOARD_CALLBACK_MESSAGE", "");
                    return message.isEmpty() ? DEFAULT_MESSAGE : message;
                }),
                new Step.Hangup()), Map.of()));
    }
}
