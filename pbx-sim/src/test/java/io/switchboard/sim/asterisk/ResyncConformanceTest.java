package io.switchboard.sim.asterisk;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.sim.ami.AmiDecoder;
import io.switchboard.sim.ami.AmiFrame;
import io.switchboard.sim.ami.AmiMessage;
import io.switchboard.sim.fixtures.Fixtures;
import io.switchboard.sim.transcript.Direction;
import io.switchboard.sim.transcript.Transcript;
import io.switchboard.sim.transcript.TranscriptBlock;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Fixture 12b: the resync queries from a second session logged in with {@code Events: off}. The
 * simulator has no app_queue, so the same shape is set up with the hold glue: call A bridged to
 * {@code agent1} (4 channels, one basic bridge), call B waiting (2 channels), so
 * {@code Local/100@incoming-N} of the fixture is {@code Local/s@hold-N} here. Queue* queries are not modelled and
 * skipped.
 */
class ResyncConformanceTest {

    private static final String FIXTURE = "12b-resync-queries-events-off.ami.txt";
    private static final String LOGIN = "Action: Login\r\nUsername: cti\r\nSecret: cti-secret\r\n\r\n";

    @Test
    void core_show_channels_status_and_bridge_list_answer_like_asterisk() throws Exception {
        SimulatorConfig config = new SimulatorConfig(Map.of("cti", "cti-secret"), Dialplan.fixtures(), Map.of(), 0.2,
                Clock.systemUTC());
        try (AsteriskSimulator sim = new AsteriskSimulator(config).start(0);
                AmiTestClient calls = new AmiTestClient(sim.port());
                AmiTestClient resync = new AmiTestClient(sim.port())) {
            assertThat(twoCallsUp(calls)).isEqualTo("Local/s@hold-00000002;2");
            AmiDecoder fixtureDecoder = AmiDecoder.clientSide();
            boolean skipping = false;
            for (TranscriptBlock block : Transcript.read(Fixtures.asterisk(FIXTURE)).blocks()) {
                String text = new String(block.bytes(), StandardCharsets.UTF_8);
                if (block.direction() == Direction.SENT) {
                    skipping = text.contains("Action: Queue");
                    if (!skipping) {
                        resync.write(text.replace("Local/100@incoming-", "Local/s@hold-")
                                .getBytes(StandardCharsets.UTF_8));
                    }
                    continue;
                }
                List<AmiFrame> expected = FixtureConformanceTest.decode(fixtureDecoder,
                        text.replace("Local/100@incoming-", "Local/s@hold-").getBytes(StandardCharsets.UTF_8));
                if (skipping) {
                    continue;
                }
                List<AmiFrame> actual = new ArrayList<>();
                while (actual.size() < expected.size()) {
                    actual.add(resync.next().orElseThrow(() -> new AssertionError(FIXTURE + " " + block + ": EOF")));
                }
                assertThat(FixtureConformanceTest.signatures(actual)).as("%s %s", FIXTURE, block)
                        .containsExactlyInAnyOrderElementsOf(FixtureConformanceTest.signatures(expected));
                assertThat(FixtureConformanceTest.byKey(actual)).as("%s %s order", FIXTURE, block)
                        .isEqualTo(FixtureConformanceTest.byKey(expected));
            }
        }
    }

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

    /** Call A held and bridged to agent1, call B held; returns B's {@code ;2}. */
    private static String twoCallsUp(AmiTestClient client) throws Exception {
        client.write(LOGIN.getBytes(StandardCharsets.UTF_8));
        client.until("SuccessfulAuth");
        client.action("Action", "Originate", "Channel", "Local/s@hold", "Context", "caller", "Exten", "s",
                "Priority", "1", "CallerID", "\"First Customer\" <5551111>", "Async", "true");
        String a = client.until("MusicOnHoldStart").first("Channel").orElseThrow();
        client.action("Action", "Redirect", "Channel", a, "Context", "to-agent", "Exten", "agent1", "Priority", "1");
        client.until("BridgeEnter");
        client.until("BridgeEnter");
        client.action("Action", "Originate", "Channel", "Local/s@hold", "Context", "caller", "Exten", "s",
                "Priority", "1", "CallerID", "\"Second Customer\" <5552222>", "Async", "true");
        return client.until("MusicOnHoldStart").first("Channel").orElseThrow();
    }
}
