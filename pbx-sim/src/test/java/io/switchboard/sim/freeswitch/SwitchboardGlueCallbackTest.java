package io.switchboard.sim.freeswitch;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.sim.asterisk.AmdOutcome;
import io.switchboard.sim.asterisk.InboundCall;
import io.switchboard.sim.asterisk.Phone;
import io.switchboard.sim.esl.EventFormat;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The queued callback's glue: a key in switchboard_hold, switchboard_callback, an answered callback in hold. */
class SwitchboardGlueCallbackTest {

    private static final String AGENT = SwitchboardGlueInboundTest.AGENT;
    private static final String CUSTOMER = "sofia/external/442079460010@127.0.0.1:15080";
    private static final String BUSY_CUSTOMER = "sofia/external/442079460012@127.0.0.1:15080";

    private static final FreeswitchConfig CONFIG = FreeswitchConfig.of("ClueCon").withTimeScale(0.01)
            .withDialplan(FsDialplan.switchboardWithAmd()).withPhones(Map.of(
                    AGENT, new Phone.Answers(Duration.ofSeconds(1), null),
                    CUSTOMER, new Phone.Answers(Duration.ofSeconds(1), null, AmdOutcome.MACHINE),
                    BUSY_CUSTOMER, new Phone.Busy()));

    @Test
    void a_key_pressed_in_hold_is_reported_and_the_music_goes_on_without_a_second_caller_on_hold() throws Exception {
        try (FreeswitchSimulator sim = new FreeswitchSimulator(CONFIG).start(0);
                GlueClient client = new GlueClient(sim, EventFormat.PLAIN)) {
            String caller = sim.inboundCall(InboundCall.of("02079460000", "7000"));
            client.until("switchboard::caller_on_hold", caller);

            sim.callerPresses(caller, '1');
            List<EventView> first = client.until("switchboard::callback", caller);
            sim.callerPresses(caller, '*');
            EventView second = client.next("switchboard::callback", caller);

            assertThat(GlueClient.labels(first, caller)).containsExactly("DTMF", "switchboard::callback");
            EventView requested = first.get(first.size() - 1);
            assertThat(requested.header("Switchboard-Digit")).contains("1");
            assertThat(requested.header("Switchboard-Number")).contains("02079460000");
            assertThat(first.get(0).header("DTMF-Digit")).contains("1");
            assertThat(second.header("Switchboard-Digit")).contains("*");
            assertThat(client.api("show channels as json")).contains("\"application\":\"endless_playback\"");
        }
    }

    @Test
    void a_caller_connected_to_an_agent_has_no_key_binding_left() throws Exception {
        try (FreeswitchSimulator sim = new FreeswitchSimulator(CONFIG).start(0);
                GlueClient client = new GlueClient(sim, EventFormat.PLAIN)) {
            String caller = sim.inboundCall(InboundCall.of("02079460000", "7000"));
            client.until("switchboard::caller_on_hold", caller);
            SwitchboardGlueInboundTest.connect(client, caller, "agent-leg-1", AGENT);
            client.next("CHANNEL_BRIDGE", caller);

            sim.callerPresses(caller, '1');
            sim.callerHangsUp(caller);

            assertThat(GlueClient.labels(client.until("CHANNEL_HANGUP_COMPLETE", caller), caller))
                    .contains("DTMF").doesNotContain("switchboard::callback");
        }
    }

    @Test
    void a_confirmed_callback_plays_the_stock_sounds_and_hangs_up() throws Exception {
        try (FreeswitchSimulator sim = new FreeswitchSimulator(CONFIG).start(0);
                GlueClient client = new GlueClient(sim, EventFormat.PLAIN)) {
            String caller = sim.inboundCall(InboundCall.of("02079460000", "7000"));
            client.until("switchboard::caller_on_hold", caller);

            assertThat(client.api("uuid_transfer " + caller + " switchboard_callback XML switchboard")).isEqualTo("+OK\n");
            List<EventView> events = client.untilWithApplications("CHANNEL_HANGUP_COMPLETE", caller);

            assertThat(events).filteredOn(e -> e.name().equals("CHANNEL_EXECUTE")
                            && e.header("Application").filter("playback"::equals).isPresent())
                    .extracting(e -> e.header("Application-Data").orElse(""))
                    .containsExactly("ivr/ivr-thank_you.wav", "voicemail/vm-goodbye.wav");
            assertThat(events.get(events.size() - 1).header("Hangup-Cause")).contains("NORMAL_CLEARING");
            assertThat(GlueClient.labels(events, caller)).doesNotContain("switchboard::caller_on_hold");
        }
    }

    @Test
    void an_answered_callback_skips_amd_and_waits_in_hold_with_reason_callback_then_rings_the_agent() throws Exception {
        try (FreeswitchSimulator sim = new FreeswitchSimulator(CONFIG).start(0);
                GlueClient client = new GlueClient(sim, EventFormat.PLAIN)) {
            client.bgapi("originate {origination_uuid=cb-1,originate_timeout=20,ignore_early_media=true,"
                    + "switchboard_callback=fs1/waiting-caller}" + CUSTOMER + " switchboard_outbound XML switchboard");

            List<EventView> events = client.until("switchboard::caller_on_hold", "cb-1");
            assertThat(GlueClient.labels(events, "cb-1")).doesNotContain("switchboard::amd");
            assertThat(events.get(events.size() - 1).header("Switchboard-Reason")).contains("CALLBACK");

            SwitchboardGlueInboundTest.connect(client, "cb-1", "agent-leg-2", AGENT);
            assertThat(client.next("CHANNEL_BRIDGE", "cb-1").header("Other-Leg-Unique-ID")).contains("agent-leg-2");
        }
    }

    @Test
    void a_busy_callback_customer_fails_the_originate_as_any_outbound_call() throws Exception {
        try (FreeswitchSimulator sim = new FreeswitchSimulator(CONFIG).start(0);
                GlueClient client = new GlueClient(sim, EventFormat.PLAIN)) {
            client.bgapi("originate {origination_uuid=cb-2,originate_timeout=20,"
                    + "switchboard_callback=fs1/waiting-caller}" + BUSY_CUSTOMER + " switchboard_outbound XML switchboard");

            EventView job = client.next("BACKGROUND_JOB", null);
            assertThat(job.body()).startsWith("-ERR USER_BUSY");
        }
    }
}
