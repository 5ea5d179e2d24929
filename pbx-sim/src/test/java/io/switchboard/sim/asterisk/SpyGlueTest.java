package io.switchboard.sim.asterisk;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.sim.ami.AmiFrame;
import io.switchboard.sim.ami.AmiMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The glue's {@code switchboard-spy}: a supervisor's phone spies on a connected caller and ends with the call. */
class SpyGlueTest {

    private static final String LOGIN = "Action: Login\r\nActionID: l\r\nUsername: cti\r\nSecret: s\r\n\r\n";

    @Test
    void a_supervisor_originated_into_the_spy_context_spies_with_the_modes_options_and_ends_with_the_spied_call()
            throws Exception {
        SimulatorConfig config = new SimulatorConfig(Map.of("cti", "s"), Dialplan.switchboard(GlueContexts.shipped()),
                Map.of("SIP/1001", new Phone.Answers(Duration.ofSeconds(1), null),
                        "SIP/2001", new Phone.Answers(Duration.ofSeconds(1), null)), 0.01, Clock.systemUTC());
        try (AsteriskSimulator sim = new AsteriskSimulator(config).start(0);
                AmiTestClient client = new AmiTestClient(sim.port())) {
            client.write(LOGIN.getBytes(StandardCharsets.UTF_8));
            readUntil(client, "SuccessfulAuth", m -> true);
            String caller = sim.inboundCall(InboundCall.of("5550001", "4930123456"));
            readUntil(client, "MusicOnHoldStart", m -> true);
            send(client, "Action: Setvar\r\nChannel: " + caller + "\r\nVariable: SWITCHBOARD_DEVICE\r\nValue: SIP/1001\r\n\r\n"
                    + "Action: Redirect\r\nChannel: " + caller + "\r\nContext: switchboard-connect\r\nExten: s\r\nPriority: 1\r\n\r\n");
            readUntil(client, "BridgeEnter", m -> true);

            send(client, "Action: Originate\r\nActionID: spy\r\nChannel: SIP/2001\r\nContext: switchboard-spy\r\n"
                    + "Exten: whisper\r\nPriority: 1\r\nAsync: true\r\nChannelId: sb-1\r\n"
                    + "Variable: SWITCHBOARD_SPY_TARGET=" + caller + "\r\n\r\n");

            AmiMessage start = readUntil(client, "ChanSpyStart", m -> true);
            assertThat(start.first("SpyerUniqueid")).contains("sb-1");
            assertThat(start.first("SpyeeChannel")).contains(caller);
            String spyer = start.first("SpyerChannel").orElseThrow();
            assertThat(variable(sim, spyer, "SWITCHBOARD_SPY_OPTIONS")).isEqualTo("qwE");

            sim.callerHangsUp(caller);
            readUntil(client, "ChanSpyStop", m -> m.first("SpyerChannel").filter(spyer::equals).isPresent());
            AmiMessage gone = readUntil(client, "Hangup", m -> m.first("Channel").filter(spyer::equals).isPresent());
            assertThat(gone.first("Cause")).contains("16");
        }
    }

    @Test
    void without_a_target_the_supervisors_phone_is_hung_up_at_once() throws Exception {
        SimulatorConfig config = new SimulatorConfig(Map.of("cti", "s"), Dialplan.switchboard(GlueContexts.shipped()),
                Map.of("SIP/2001", new Phone.Answers(Duration.ofSeconds(1), null)), 0.01, Clock.systemUTC());
        try (AsteriskSimulator sim = new AsteriskSimulator(config).start(0);
                AmiTestClient client = new AmiTestClient(sim.port())) {
            client.write(LOGIN.getBytes(StandardCharsets.UTF_8));
            readUntil(client, "SuccessfulAuth", m -> true);
            send(client, "Action: Originate\r\nActionID: spy\r\nChannel: SIP/2001\r\nContext: switchboard-spy\r\n"
                    + "Exten: listen\r\nPriority: 1\r\nAsync: true\r\nChannelId: sb-2\r\n\r\n");
            AmiMessage gone = readUntil(client, "Hangup", m -> m.first("Uniqueid").filter("sb-2"::equals).isPresent());
            assertThat(gone.first("Context")).contains("switchboard-spy");
        }
    }

    private static String variable(AsteriskSimulator sim, String channel, String name) {
        List<String> value = new ArrayList<>();
        sim.drive(world -> value.add(world.variable(channel, name).orElse("")));
        return value.get(0);
    }

    private static void send(AmiTestClient client, String actions) throws Exception {
        client.write(actions.getBytes(StandardCharsets.UTF_8));
    }

    private static AmiMessage readUntil(AmiTestClient client, String event, Predicate<AmiMessage> also)
            throws Exception {
        List<String> seen = new ArrayList<>();
        while (true) {
            AmiFrame frame = client.next().orElseThrow(() -> new AssertionError("EOF before " + event + " after " + seen));
            if (frame instanceof AmiMessage m) {
                seen.add(m.event().orElse("response"));
                if (m.event().filter(event::equals).isPresent() && also.test(m)) {
                    return m;
                }
            }
        }
    }
}
