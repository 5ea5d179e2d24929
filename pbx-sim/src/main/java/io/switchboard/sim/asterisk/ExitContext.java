package io.switchboard.sim.asterisk;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The glue's {@code switchboard-exit}: a queue rule's AMI Redirect (after Setvar {@code QUEUESTATUS} and
 * {@code SWITCHBOARD_EXIT_CONTEXT}) sends a channel to {@code switchboard-exit,<extension>,1}; the extension is
 * kept in {@code SWITCHBOARD_EXIT_TARGET} and {@code s} goes on to {@code <extension>} in the admin's
 * {@code SWITCHBOARD_EXIT_CONTEXT}, or hangs up without one. Also {@link #VOICEMAIL}: the simulator's stand-in
 * for an admin's voicemail context, so a test sees where the caller went.
 */
final class ExitContext {

    static final String NAME = "switchboard-exit";
    /** The admin context the simulated PBX has besides the glue: any extension answers and takes a message. */
    static final String VOICEMAIL = "voicemail";

    private static final Pattern EXTENSION = Pattern.compile("[0-9A-Za-z*#+]+");

    private ExitContext() {
    }

    static Optional<Extension> find(String exten) {
        if ("s".equals(exten)) {
            return Optional.of(s());
        }
        if (!EXTENSION.matcher(exten).matches()) {
            return Optional.empty();
        }
        return Optional.of(Extension.of(new Step.Set("SWITCHBOARD_EXIT_TARGET", c -> c.exten),
                new Step.Goto(null, "s", "1")));
    }

    /** {@code voicemail,<extension>,1}: {@code Answer}, then {@code VoiceMail(<extension>@default,u)} until hang-up. */
    static Optional<Extension> voicemail(String exten) {
        return EXTENSION.matcher(exten).matches()
                ? Optional.of(Extension.of(new Step.Answer(), new Step.Block("VoiceMail", exten + "@default,u")))
                : Optional.empty();
    }

    private static Extension s() {
        return new Extension(List.of(
                new Step.NoOp(c -> "Switchboard sends " + c.name + " to " + var(c, "SWITCHBOARD_EXIT_TARGET") + "@"
                        + var(c, "SWITCHBOARD_EXIT_CONTEXT") + ": " + var(c, "QUEUESTATUS")),
                new Step.GotoIf(c -> var(c, "SWITCHBOARD_EXIT_CONTEXT").isEmpty()
                        || var(c, "SWITCHBOARD_EXIT_TARGET").isEmpty(), "nocontext", null),
                new Step.GotoVariable(c -> var(c, "SWITCHBOARD_EXIT_CONTEXT"), c -> var(c, "SWITCHBOARD_EXIT_TARGET")),
                new Step.Hangup()),
                Map.of("nocontext", 4));
    }

    private static String var(SimChannel c, String name) {
        return c.variables.getOrDefault(name, "");
    }
}
