package io.switchboard.sim.asterisk;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.sim.CommandLog;
import io.switchboard.sim.SessionCommand;
import io.switchboard.sim.ami.AmiFrame;
import io.switchboard.sim.ami.AmiMessage;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link CommandLog} on the Asterisk side: each AMI session's actions carry the session, in the order the engine
 * took them, so a cluster test sees which client drove the PBX and whether two did in turns.
 */
class SessionCommandLogTest {

    private static final SimulatorConfig CONFIG = new SimulatorConfig(Map.of("cti", "s"),
            Dialplan.switchboard(GlueContexts.shipped()), Map.of(), 0.01, Clock.systemUTC());

    @Test
    void each_session_is_named_in_the_log_and_a_session_that_drives_again_after_another_shows_twice_in_the_drivers()
            throws Exception {
        try (AsteriskSimulator sim = new AsteriskSimulator(CONFIG).start(0);
                AmiTestClient first = new AmiTestClient(sim.port());
                AmiTestClient second = new AmiTestClient(sim.port())) {
            CommandLog log = CommandLog.attachTo(sim);
            answered(first, "Action", "Login", "Username", "cti", "Secret", "s");
            answered(first, "Action", "Ping");
            answered(first, "Action", "Setvar", "Variable", "CTI_GLOBAL", "Value", "one");
            answered(second, "Action", "Login", "Username", "cti", "Secret", "s");
            answered(second, "Action", "Setvar", "Variable", "CTI_GLOBAL", "Value", "two");
            answered(first, "Action", "Setvar", "Variable", "CTI_GLOBAL", "Value", "three");

            int one = log.all().get(0).session();
            int two = log.all().get(3).session();
            assertThat(one).isNotEqualTo(two);
            assertThat(log.all()).extracting(c -> c.session() + ":" + c.name()).containsExactly(one + ":Login",
                    one + ":Ping", one + ":Setvar", two + ":Login", two + ":Setvar", one + ":Setvar");
            assertThat(log.all()).extracting(SessionCommand::drives)
                    .containsExactly(false, false, true, false, true, true);
            assertThat(log.drivers()).containsExactly(one, two, one);
            assertThat(log.all()).extracting(SessionCommand::at).isSorted();
            assertThat(log.after(log.all().get(4).at(), c -> c.session() == one && c.drives()))
                    .extracting(c -> c.command().first("Value").orElse("")).containsExactly("three");
        }
    }

    /** Sends the action and reads up to its response, so the engine has taken it. */
    private static void answered(AmiTestClient client, String... headers) throws IOException {
        client.action(headers);
        while (true) {
            AmiFrame frame = client.next().orElseThrow(() -> new AssertionError("EOF before the response"));
            if (frame instanceof AmiMessage m && m.response().isPresent()) {
                return;
            }
        }
    }
}
