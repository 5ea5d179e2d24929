package io.switchboard.sim.asterisk;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.sim.ami.AmiMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Resync queries beyond the fixtures. Fixture 12b itself is replayed by {@link FixtureConformanceTest}
 * as the second session of 12.
 */
class ResyncQueriesTest {

    private static final String LOGIN = "Action: Login\r\nUsername: cti\r\nSecret: cti-secret\r\n\r\n";

    @Test
    void status_of_a_missing_channel_is_an_error() throws Exception {
        SimulatorConfig config = new SimulatorConfig(Map.of("cti", "cti-secret"), Dialplan.fixtures(), Map.of(), 0.2,
                Clock.systemUTC());
        try (AsteriskSimulator sim = new AsteriskSimulator(config).start(0);
                AmiTestClient client = new AmiTestClient(sim.port())) {
            client.write((LOGIN.replace("\r\n\r\n", "\r\nEvents: off\r\n\r\n")).getBytes(StandardCharsets.UTF_8));
            client.next();
            client.next();
            client.action("Action", "Status", "ActionID", "s1", "Channel", "SIP/nobody-00000000");
            AmiMessage reply = (AmiMessage) client.next().orElseThrow();
            assertThat(reply.first("Response")).contains("Error");
            assertThat(reply.first("Message")).contains("No such channel");
        }
    }
}
