package io.switchboard.sim.freeswitch;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.sim.CommandLog;
import io.switchboard.sim.SessionCommand;
import io.switchboard.sim.esl.EventFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link CommandLog} on the FreeSWITCH side: each inbound event socket's commands carry the session, as
 * {@code Action: <verb>} and {@code Command: <the rest of the line>}, with no password.
 */
class SessionCommandLogTest {

    @Test
    void each_event_socket_is_named_in_the_log_reads_do_not_drive_and_the_password_is_not_logged() throws Exception {
        try (FreeswitchSimulator sim = new FreeswitchSimulator(SwitchboardGlueInboundTest.CONFIG).start(0)) {
            CommandLog log = CommandLog.attachTo(sim);
            try (GlueClient first = new GlueClient(sim, EventFormat.PLAIN, List.of("CHANNEL_HANGUP"));
                    GlueClient second = new GlueClient(sim, EventFormat.PLAIN, List.of("CHANNEL_HANGUP"))) {
                first.api("show channels as json");
                first.api("uuid_kill 0000-gone NORMAL_CLEARING");
                second.api("uuid_getvar 0000-gone switchboard_queue");
                second.api("uuid_transfer 0000-gone -bleg switchboard_connect XML switchboard");
                first.api("uuid_kill 0000-gone NORMAL_CLEARING");
            }

            int one = log.all().get(0).session();
            int two = log.all().get(2).session();
            assertThat(one).isNotEqualTo(two);
            assertThat(log.all()).extracting(c -> c.session() + ":" + c.name() + ":" + c.command().first("Command")
                    .orElse("")).containsExactly(one + ":auth:", one + ":event:plain CHANNEL_HANGUP",
                    two + ":auth:", two + ":event:plain CHANNEL_HANGUP", one + ":api:show channels as json",
                    one + ":api:uuid_kill 0000-gone NORMAL_CLEARING",
                    two + ":api:uuid_getvar 0000-gone switchboard_queue",
                    two + ":api:uuid_transfer 0000-gone -bleg switchboard_connect XML switchboard",
                    one + ":api:uuid_kill 0000-gone NORMAL_CLEARING");
            assertThat(log.all()).extracting(SessionCommand::drives)
                    .containsExactly(false, false, false, false, false, true, false, true, true);
            assertThat(log.all()).allSatisfy(c -> assertThat(c.command().toString()).doesNotContain("ClueCon"));
            assertThat(log.drivers()).containsExactly(one, two, one);
        }
    }
}
