package io.switchboard.sim.asterisk;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.sim.ami.AmiFrame;
import io.switchboard.sim.ami.AmiMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A network cut: AMI sessions end abruptly while the PBX and its calls carry on. */
class SessionDropTest {

    private static final String LOGIN = "Action: Login\r\nUsername: cti\r\nSecret: s\r\n\r\n";

    @Test
    void dropped_sessions_end_without_a_shutdown_and_the_calls_live_on() throws Exception {
        try (AsteriskSimulator sim = new AsteriskSimulator(SimulatorConfig.of("cti", "s").withTimeScale(0.01)).start(0);
                AmiTestClient first = loggedIn(sim, "on");
                AmiTestClient second = loggedIn(sim, "on")) {
            String channel = sim.inboundCall(InboundCall.of("5550001", "4930123456"));
            first.until("MusicOnHoldStart");
            second.until("MusicOnHoldStart");

            assertThat(sim.dropSessions()).isEqualTo(2);

            assertThat(eventsUntilClosed(first)).doesNotContain("Shutdown");
            assertThat(eventsUntilClosed(second)).doesNotContain("Shutdown");
            try (AmiTestClient again = loggedIn(sim, "off")) {
                again.action("Action", "CoreShowChannels", "ActionID", "c1");
                assertThat(again.until("CoreShowChannel").first("Channel")).contains(channel);
            }
        }
    }

    @Test
    void an_unreachable_pbx_resets_new_connections_until_it_is_reachable_again() throws Exception {
        try (AsteriskSimulator sim = new AsteriskSimulator(SimulatorConfig.of("cti", "s").withTimeScale(0.01)).start(0)) {
            String channel = sim.inboundCall(InboundCall.of("5550001", "4930123456"));
            sim.reachable(false);
            try (AmiTestClient cut = new AmiTestClient(sim.port())) {
                assertThat(firstFrame(cut)).as("no banner while unreachable").isEmpty();
            }

            sim.reachable(true);
            try (AmiTestClient back = loggedIn(sim, "off")) {
                back.action("Action", "CoreShowChannels", "ActionID", "c1");
                assertThat(back.until("CoreShowChannel").first("Channel")).contains(channel);
            }
        }
    }

    private static AmiTestClient loggedIn(AsteriskSimulator sim, String events) throws IOException {
        AmiTestClient client = new AmiTestClient(sim.port());
        client.write(LOGIN.replace("\r\n\r\n", "\r\nEvents: " + events + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        AmiMessage reply = responseAfterBanner(client);
        assertThat(reply.first("Response")).contains("Success");
        return client;
    }

    private static AmiMessage responseAfterBanner(AmiTestClient client) throws IOException {
        while (true) {
            AmiFrame frame = client.next().orElseThrow(() -> new AssertionError("EOF before the login response"));
            if (frame instanceof AmiMessage m && m.event().isEmpty()) {
                return m;
            }
        }
    }

    /** The events still read before EOF or a reset. */
    private static List<String> eventsUntilClosed(AmiTestClient client) {
        List<String> events = new ArrayList<>();
        try {
            for (Optional<AmiFrame> frame = client.next(); frame.isPresent(); frame = client.next()) {
                if (frame.get() instanceof AmiMessage m) {
                    m.event().ifPresent(events::add);
                }
            }
        } catch (IOException reset) {
            // the cut: a reset ends the stream like EOF
        }
        return events;
    }

    private static Optional<AmiFrame> firstFrame(AmiTestClient client) {
        try {
            return client.next();
        } catch (IOException reset) {
            return Optional.empty();
        }
    }
}
