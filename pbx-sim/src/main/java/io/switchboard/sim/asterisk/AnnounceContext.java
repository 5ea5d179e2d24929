package io.switchboard.sim.asterisk;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code [switchboard-announce]} of the shipped glue: app_queue's position and hold-time sounds from the four
 * {@code SWITCHBOARD_ANNOUNCE_*} numbers (0 or empty: left out), then back to hold with Reason
 * {@code ANNOUNCED}. Playback and SayNumber return at once here; what they said is kept in the channel's
 * {@link SimChannel#played}.
 */
final class AnnounceContext {

    /** The context's name in the shipped glue. */
    static final String NAME = "switchboard-announce";

    private AnnounceContext() {
    }

    static Optional<Extension> find(String exten, GlueContexts contexts) {
        if (!"s".equals(exten)) {
            return Optional.empty();
        }
        return Optional.of(new Extension(List.of(
                new Step.NoOp(c -> "Switchboard announces to " + c.name + ": position " + value(c, "POSITION")
                        + ", wait " + value(c, "MINUTES") + " min " + value(c, "SECONDS") + " s"),
                new Step.GotoIf(c -> number(c, "POSITION") < 1, "more", null),
                new Step.GotoIf(c -> number(c, "POSITION") == 1, "next", null),
                playback("queue-thereare"),
                say("POSITION"),
                playback("queue-callswaiting"),
                new Step.Goto(null, "s", "wait"),
                playback("queue-youarenext"),
                new Step.Goto(null, "s", "wait"),
                new Step.GotoIf(c -> number(c, "MORE_THAN") < 1, "wait", null),
                playback("queue-quantity1"),
                say("MORE_THAN"),
                playback("queue-quantity2"),
                new Step.GotoIf(c -> number(c, "MINUTES") + number(c, "SECONDS") < 1, "done", null),
                playback("queue-holdtime"),
                new Step.GotoIf(c -> number(c, "MINUTES") < 1, "seconds", null),
                say("MINUTES"),
                playback("queue-minutes"),
                new Step.GotoIf(c -> number(c, "SECONDS") < 1, "thanks", null),
                say("SECONDS"),
                playback("queue-seconds"),
                playback("queue-thankyou"),
                new Step.Set("SWITCHBOARD_HOLD_REASON", c -> "ANNOUNCED"),
                new Step.Goto(contexts.hold(), "s", "1")),
                Map.of("next", 8, "more", 10, "wait", 14, "seconds", 19, "thanks", 22, "done", 23)));
    }

    private static Step playback(String sound) {
        return new Step.Instant("Playback", c -> sound);
    }

    private static Step say(String part) {
        return new Step.Instant("SayNumber", c -> value(c, part));
    }

    private static String value(SimChannel c, String part) {
        return c.variables.getOrDefault("SWITCHBOARD_ANNOUNCE_" + part, "");
    }

    /** The variable as {@code $[0${VAR}]} reads it: empty is 0, and so is anything not a number. */
    private static long number(SimChannel c, String part) {
        try {
            return Long.parseLong("0" + value(c, part).trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
