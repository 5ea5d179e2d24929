package io.switchboard.sim.asterisk;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.sim.ami.AmiFrame;
import io.switchboard.sim.ami.AmiMessage;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The queued callback's glue: a key in hold, switchboard-callback, and an answered callback in hold. */
class CallbackGlueTest {

    private static final Duration RING = Duration.ofMillis(300);
    private static final SimulatorConfig CONFIG = new SimulatorConfig(Map.of("cti", "s"),
            Dialplan.switchboard(GlueContexts.shipped()), Map.of(
                    "SIP/2001", new Phone.Answers(RING, null),
                    "SIP/5550100@carrier", new Phone.Answers(RING, null, AmdOutcome.MACHINE),
                    "SIP/5550400@carrier", new Phone.Busy()),
            0.01, Clock.systemUTC());

    @Test
    void a_key_pressed_in_hold_is_reported_and_the_caller_goes_on_waiting_with_music_without_a_second_caller_on_hold()
            throws Exception {
        try (AsteriskSimulator sim = new AsteriskSimulator(CONFIG).start(0);
                AmiTestClient client = new AmiTestClient(sim.port())) {
            NailedAgentGlueTest.login(client);
            String channel = sim.inboundCall(InboundCall.of("5550001", "4930123456"));
            client.until("MusicOnHoldStart");

            sim.callerPresses(channel, '#');

            List<AmiMessage> events = until(client, "MusicOnHoldStart");
            assertThat(names(events)).containsSubsequence("DTMFBegin", "DTMFEnd", "MusicOnHoldStop",
                    "UserEvent(CallbackRequested)", "MusicOnHoldStart").doesNotContain("UserEvent(CallerOnHold)");
            AmiMessage requested = events.stream().filter(e -> e.first("UserEvent").filter("CallbackRequested"::equals)
                    .isPresent()).findFirst().orElseThrow();
            assertThat(requested.first("Digit")).contains("#");
            assertThat(requested.first("Number")).contains("5550001");
            assertThat(requested.first("Channel")).contains(channel);
            assertThat(events.get(0).first("Direction")).contains("Received");
            sim.drive(world -> assertThat(world.isOnHold(channel)).isTrue());
        }
    }

    @Test
    void a_key_outside_wait_exten_is_only_a_dtmf_event() throws Exception {
        try (AsteriskSimulator sim = new AsteriskSimulator(CONFIG).start(0);
                AmiTestClient client = new AmiTestClient(sim.port())) {
            NailedAgentGlueTest.login(client);
            String channel = sim.inboundCall(InboundCall.of("5550001", "100"));
            client.until("MusicOnHoldStart");
            client.action("Action", "Setvar", "Channel", channel, "Variable", "SWITCHBOARD_DEVICE", "Value", "SIP/2001");
            client.action("Action", "Redirect", "Channel", channel, "Context", "switchboard-connect", "Exten", "s",
                    "Priority", "1");
            client.until("BridgeEnter");

            sim.callerPresses(channel, '1');
            sim.callerHangsUp(channel);

            assertThat(names(until(client, "Hangup"))).contains("DTMFEnd").doesNotContain("UserEvent(CallbackRequested)");
        }
    }

    @Test
    void a_confirmed_callback_plays_the_core_sounds_and_hangs_the_caller_up() throws Exception {
        try (AsteriskSimulator sim = new AsteriskSimulator(CONFIG).start(0);
                AmiTestClient client = new AmiTestClient(sim.port())) {
            NailedAgentGlueTest.login(client);
            String channel = sim.inboundCall(InboundCall.of("5550001", "100"));
            client.until("MusicOnHoldStart");

            client.action("Action", "Redirect", "Channel", channel, "Context", "switchboard-callback", "Exten", "s",
                    "Priority", "1");

            List<AmiMessage> events = until(client, "Hangup");
            assertThat(events).filteredOn(e -> e.first("Application").filter("Playback"::equals).isPresent())
                    .singleElement().satisfies(p -> assertThat(p.first("AppData")).contains("queue-thankyou&vm-goodbye"));
            assertThat(events.get(events.size() - 1).first("Channel")).contains(channel);
            assertThat(names(events)).doesNotContain("UserEvent(CallerOnHold)");
        }
    }

    @Test
    void an_answered_callback_skips_amd_waits_in_hold_with_reason_callback_and_is_connected_like_a_caller()
            throws Exception {
        try (AsteriskSimulator sim = new AsteriskSimulator(CONFIG).start(0);
                AmiTestClient client = new AmiTestClient(sim.port())) {
            NailedAgentGlueTest.login(client);
            client.action("Action", "Originate", "ActionID", "cb", "Channel", "SIP/5550100@carrier",
                    "Context", "switchboard-outbound", "Exten", "s", "Priority", "1", "Timeout", "20000",
                    "ChannelId", "callback-7", "Variable", "SWITCHBOARD_CALLBACK=pbx1/1700000000.0", "Async", "true");

            List<AmiMessage> events = until(client, "MusicOnHoldStart");
            assertThat(names(events)).doesNotContain("UserEvent(AMD)");
            AmiMessage onHold = events.stream().filter(e -> e.first("UserEvent").filter("CallerOnHold"::equals)
                    .isPresent()).findFirst().orElseThrow();
            assertThat(onHold.first("Reason")).contains("CALLBACK");
            assertThat(onHold.first("Uniqueid")).contains("callback-7");
            String channel = onHold.first("Channel").orElseThrow();

            client.action("Action", "Setvar", "Channel", channel, "Variable", "SWITCHBOARD_DEVICE", "Value", "SIP/2001");
            client.action("Action", "Redirect", "Channel", channel, "Context", "switchboard-connect", "Exten", "s",
                    "Priority", "1");
            assertThat(client.until("DialEnd").first("DialStatus")).contains("ANSWER");
        }
    }

    @Test
    void a_busy_callback_customer_fails_the_originate_as_any_outbound_call() throws Exception {
        try (AsteriskSimulator sim = new AsteriskSimulator(CONFIG).start(0);
                AmiTestClient client = new AmiTestClient(sim.port())) {
            NailedAgentGlueTest.login(client);
            client.action("Action", "Originate", "ActionID", "cb", "Channel", "SIP/5550400@carrier",
                    "Context", "switchboard-outbound", "Exten", "s", "Priority", "1", "Timeout", "20000",
                    "ChannelId", "callback-8", "Variable", "SWITCHBOARD_CALLBACK=pbx1/1700000000.0", "Async", "true");

            AmiMessage response = client.until("OriginateResponse");
            assertThat(response.first("Response")).contains("Failure");
            assertThat(response.first("Reason")).contains("5");
        }
    }

    private static List<AmiMessage> until(AmiTestClient client, String event) throws Exception {
        List<AmiMessage> seen = new ArrayList<>();
        while (true) {
            AmiFrame frame = client.next().orElseThrow(() -> new AssertionError("EOF before " + event));
            if (frame instanceof AmiMessage m && m.event().isPresent()) {
                seen.add(m);
                if (m.event().get().equals(event)) {
                    return seen;
                }
            }
        }
    }

    private static List<String> names(List<AmiMessage> events) {
        return events.stream().map(e -> e.event().orElse("") + e.first("UserEvent").map(u -> "(" + u + ")").orElse(""))
                .toList();
    }
}
