package io.switchboard.sim.freeswitch;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.sim.ami.AmiMessage;
import io.switchboard.sim.asterisk.InboundCall;
import io.switchboard.sim.esl.EventFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * {@code SimWorld.listenCommands} and the glue's announcement on the FreeSWITCH side: the same vocabulary as on
 * Asterisk, so one benchmark measures both.
 */
class CommandListenerTest {

    @Test
    void a_listener_sees_the_inbound_call_as_a_user_event_of_its_uuid_and_every_api_command_line() throws Exception {
        List<AmiMessage> events = new CopyOnWriteArrayList<>();
        List<AmiMessage> commands = new CopyOnWriteArrayList<>();
        try (FreeswitchSimulator sim = new FreeswitchSimulator(SwitchboardGlueInboundTest.CONFIG).start(0);
                GlueClient client = new GlueClient(sim, EventFormat.PLAIN)) {
            sim.drive(world -> {
                world.listen(events::add);
                world.listenCommands(commands::add);
            });
            String caller = sim.inboundCall(InboundCall.of("02079460000", "7000"));
            client.until("switchboard::caller_on_hold", caller);

            assertThat(client.api("uuid_getvar " + caller + " switchboard_queue")).isEqualTo("7000");

            assertThat(events).filteredOn(e -> e.first("UserEvent").isPresent()).singleElement()
                    .satisfies(e -> {
                        assertThat(e.first("UserEvent")).contains("InboundCall");
                        assertThat(e.first("Channel")).contains(caller);
                    });
            assertThat(commands).extracting(c -> c.first("Command").orElse(""))
                    .containsExactly("uuid_getvar " + caller + " switchboard_queue");
        }
    }
}
