package io.switchboard.sim.freeswitch;

import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The glue's {@code switchboard_exit} (a queue rule sends the caller out: {@code uuid_setvar_multi QUEUESTATUS=...;
 * switchboard_exit_target=...;switchboard_exit_context=...}, {@code uuid_transfer ... switchboard_exit XML
 * switchboard}), and {@link #VOICEMAIL}: the simulator's stand-in for an admin's voicemail context, so a test
 * sees where the caller went.
 */
final class ExitGlue {

    /** The admin context the simulated PBX has besides the glue: any extension answers and takes a message. */
    static final String VOICEMAIL = "voicemail";

    private static final Pattern TWO = Pattern.compile("^([^|]+)\\|([^|]+)$");
    private static final Pattern EXTENSION = Pattern.compile("[0-9A-Za-z*#+]+");

    private ExitGlue() {
    }

    /** {@code unset transfer_after_bridge}, {@code clear_digit_action switchboard_hold}, {@code transfer <target> XML <context>}; without both, hang up. */
    static void exit(List<DialplanAction> a, UnaryOperator<String> x) {
        Matcher m = TWO.matcher(x.apply("${switchboard_exit_target}|${switchboard_exit_context}"));
        if (!m.matches()) {
            a.add(new DialplanAction("hangup", "NORMAL_CLEARING"));
            return;
        }
        a.add(new DialplanAction("unset", "transfer_after_bridge"));
        a.add(new DialplanAction("clear_digit_action", CallbackGlue.REALM));
        a.add(new DialplanAction("transfer", m.group(1) + " XML " + m.group(2)));
    }

    /** {@code voicemail/<extension>}: answer, then wait parked as a caller leaving a message; false if no match. */
    static boolean voicemail(List<DialplanAction> a, String destination) {
        if (!EXTENSION.matcher(destination).matches()) {
            return false;
        }
        a.add(new DialplanAction("answer", ""));
        a.add(new DialplanAction("park", ""));
        return true;
    }
}
