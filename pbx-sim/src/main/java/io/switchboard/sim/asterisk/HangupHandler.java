package io.switchboard.sim.asterisk;

import java.util.Optional;

/**
 * The {@code h} extension: when a channel that runs dialplan hangs up and its context has
 * {@code h}, its priorities run before the Hangup event (only steps that return at once:
 * Set, UserEvent, NoOp, GotoIf).
 */
final class HangupHandler {

    private HangupHandler() {
    }

    static void run(Calls calls, SimChannel c) {
        if (c.applicationOnly || "h".equals(c.exten)) {
            return;
        }
        Optional<Extension> h = calls.dialplan.find(c.context, "h");
        if (h.isEmpty()) {
            return;
        }
        c.exten = "h";
        c.priority = 1;
        while (c.priority <= h.get().steps().size()) {
            Step step = h.get().steps().get(c.priority - 1);
            boolean instant = step instanceof Step.Set || step instanceof Step.UserEvent || step instanceof Step.NoOp
                    || step instanceof Step.GotoIf || step instanceof Step.Instant;
            calls.emit("Newexten", c, "Extension", "h", "Application", step.application(), "AppData", step.appData(c));
            if (!instant || !calls.execute(c, step, h.get())) {
                return;
            }
        }
    }
}
