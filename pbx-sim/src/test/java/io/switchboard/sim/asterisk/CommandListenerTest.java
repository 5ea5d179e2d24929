package io.switchboard.sim.asterisk;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.sim.ami.AmiMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** {@link SimWorld#listenCommands}: a benchmark sees the announcement it answers and the command it answers with. */
class CommandListenerTest {

    @Test
    void a_listener_sees_the_inbound_announcement_and_then_the_clients_setvar_and_redirect_for_that_channel()
            throws Exception {
        SimulatorConfig config = new SimulatorConfig(Map.of("cti", "s"), Dialplan.switchboard(GlueContexts.shipped()),
                Map.of("SIP/1001", new Phone.Answers(Duration.ofSeconds(1), null)), 0.01, Clock.systemUTC());
        List<AmiMessage> events = new CopyOnWriteArrayList<>();
        List<AmiMessage> commands = new CopyOnWriteArrayList<>();
        try (AsteriskSimulator sim = new AsteriskSimulator(config).start(0);
                AmiTestClient client = new AmiTestClient(sim.port())) {
            sim.drive(world -> {
                world.listen(events::add);
                world.listenCommands(commands::add);
            });
            client.action("Action", "Login", "Username", "cti", "Secret", "s");
            client.until("SuccessfulAuth");
            String channel = sim.inboundCall(InboundCall.of("5550001", "4930123456"));
            client.until("MusicOnHoldStart");
            client.write(("Action: Setvar\r\nChannel: " + channel + "\r\nVariable: SWITCHBOARD_DEVICE\r\nValue: SIP/1001"
                    + "\r\n\r\nAction: Redirect\r\nChannel: " + channel + "\r\nContext: switchboard-connect\r\nExten: s"
                    + "\r\nPriority: 1\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            client.until("DialEnd");

            assertThat(events).anyMatch(e -> e.first("UserEvent").filter("InboundCall"::equals).isPresent()
                    && e.first("Channel").filter(channel::equals).isPresent());
            assertThat(commands).extracting(c -> c.first("Action").orElse(""))
                    .containsExactly("Login", "Setvar", "Redirect");
            assertThat(commands.get(2).first("Channel")).contains(channel);
        }
    }
}
