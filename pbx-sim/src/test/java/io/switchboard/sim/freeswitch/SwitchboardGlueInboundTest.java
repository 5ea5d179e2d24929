package io.switchboard.sim.freeswitch;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.sim.asterisk.InboundCall;
import io.switchboard.sim.asterisk.Phone;
import io.switchboard.sim.esl.EventFormat;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Switchboard's glue in the simulator: an inbound caller waits, is announced, and rings an agent. */
class SwitchboardGlueInboundTest {

    static final String AGENT = "sofia/internal/1001@127.0.0.1:15070";
    static final String NEVER = "sofia/internal/1002@127.0.0.1:15072";
    static final String BUSY = "sofia/internal/1003@127.0.0.1:15074";

    static final FreeswitchConfig CONFIG = FreeswitchConfig.of("ClueCon").withTimeScale(0.01)
            .withDialplan(FsDialplan.switchboard()).withPhones(Map.of(
                    AGENT, new Phone.Answers(Duration.ofSeconds(2), Duration.ofSeconds(5)),
                    NEVER, new Phone.NeverAnswers(),
                    BUSY, new Phone.Busy()));

    @Test
    void a_caller_to_a_did_is_announced_then_held_with_music_with_dnid_and_queue() throws Exception {
        try (FreeswitchSimulator sim = new FreeswitchSimulator(CONFIG).start(0);
                GlueClient client = new GlueClient(sim, EventFormat.PLAIN)) {
            String caller = sim.inboundCall(InboundCall.of("02079460000", "7000"));
            List<EventView> events = client.until("switchboard::caller_on_hold", caller);
            EventView announce = events.stream().filter(e -> GlueClient.label(e).equals("switchboard::inbound_call"))
                    .findFirst().orElseThrow();
            EventView hold = events.get(events.size() - 1);

            assertThat(GlueClient.labels(events, caller)).containsExactly("CHANNEL_CREATE", "CHANNEL_PROGRESS_MEDIA",
                    "CHANNEL_ANSWER", "switchboard::inbound_call", "switchboard::caller_on_hold");
            assertThat(announce.headers().get(0).name()).isEqualTo("Event-Name");
            assertThat(announce.headers().get(1).name()).isEqualTo("Event-Subclass");
            assertThat(announce.header("Event-Calling-Function")).contains("event_function");
            assertThat(announce.header("Caller-Caller-ID-Number")).contains("02079460000");
            assertThat(announce.header("Switchboard-DNID")).contains("7000");
            assertThat(announce.header("Switchboard-Queue")).contains("7000");
            assertThat(hold.header("Switchboard-Reason")).contains("NEW");
            assertThat(hold.header("Caller-Destination-Number")).contains("switchboard_hold");
            assertThat(hold.header("variable_current_application")).contains("event");
            assertThat(client.api("uuid_getvar " + caller + " switchboard_queue")).isEqualTo("7000");
            assertThat(client.api("uuid_getvar " + caller + " switchboard_moh")).isEqualTo("local_stream://moh");
            assertThat(client.api("show channels as json")).contains("\"dest\":\"switchboard_hold\"")
                    .contains("\"application\":\"endless_playback\"");
        }
    }

    @Test
    void a_client_subscribed_to_custom_subclasses_gets_only_those_glue_events() throws Exception {
        try (FreeswitchSimulator sim = new FreeswitchSimulator(CONFIG).start(0);
                GlueClient client = new GlueClient(sim, EventFormat.PLAIN, List.of("CHANNEL_HANGUP", "CUSTOM",
                        "switchboard::caller_on_hold"))) {
            String caller = sim.inboundCall(InboundCall.of("02079460000", "7000"));
            List<EventView> first = client.until("switchboard::caller_on_hold", caller);
            sim.callerHangsUp(caller);

            assertThat(first).singleElement();
            assertThat(client.next("CHANNEL_HANGUP", caller).name()).isEqualTo("CHANNEL_HANGUP");
        }
    }

    @Test
    void a_connect_rings_the_agent_leg_named_after_the_caller_bridges_and_reports_success_after_the_call() throws Exception {
        try (FreeswitchSimulator sim = new FreeswitchSimulator(CONFIG).start(0);
                GlueClient client = new GlueClient(sim, EventFormat.PLAIN)) {
            String caller = sim.inboundCall(InboundCall.of("02079460000", "7000"));
            client.until("switchboard::caller_on_hold", caller);

            connect(client, caller, "agent-leg-1", AGENT);
            EventView create = client.next("CHANNEL_CREATE", "agent-leg-1");
            EventView bridge = client.next("CHANNEL_BRIDGE", caller);
            EventView result = client.next("switchboard::agent_dial_result", caller);
            EventView end = client.next("CHANNEL_HANGUP_COMPLETE", caller);

            assertThat(create.header("Other-Type")).contains("originator");
            assertThat(create.header("Other-Leg-Unique-ID")).contains(caller);
            assertThat(create.header("variable_switchboard_agent")).contains("a17");
            assertThat(bridge.header("Bridge-B-Unique-ID")).contains("agent-leg-1");
            assertThat(result.header("Switchboard-Disposition")).contains("SUCCESS");
            assertThat(result.header("Switchboard-Agent")).contains("a17");
            assertThat(result.header("Switchboard-Hangup-Cause")).contains("NORMAL_CLEARING");
            assertThat(end.header("Hangup-Cause")).contains("NORMAL_CLEARING");
        }
    }

    @Test
    void an_agent_who_does_not_answer_in_the_ring_timeout_sends_the_caller_back_to_hold_with_no_answer() throws Exception {
        try (FreeswitchSimulator sim = new FreeswitchSimulator(CONFIG).start(0);
                GlueClient client = new GlueClient(sim, EventFormat.JSON)) {
            String caller = sim.inboundCall(InboundCall.of("02079460000", "7000"));
            client.until("switchboard::caller_on_hold", caller);

            connect(client, caller, "agent-leg-2", NEVER);
            client.next("CHANNEL_PROGRESS", "agent-leg-2");
            EventView legEnd = client.next("CHANNEL_HANGUP", "agent-leg-2");
            EventView result = client.next("switchboard::agent_dial_result", caller);
            EventView hold = client.next("switchboard::caller_on_hold", caller);

            assertThat(legEnd.header("Hangup-Cause")).contains("NO_ANSWER");
            assertThat(result.header("Switchboard-Disposition")).contains("NO_ANSWER");
            assertThat(hold.header("Switchboard-Reason")).contains("NO_ANSWER");
            assertThat(client.api("uuid_getvar " + caller + " switchboard_device")).isEqualTo("_undef_");
        }
    }

    @Test
    void a_busy_agent_sends_the_caller_back_to_hold_with_user_busy() throws Exception {
        try (FreeswitchSimulator sim = new FreeswitchSimulator(CONFIG).start(0);
                GlueClient client = new GlueClient(sim, EventFormat.PLAIN)) {
            String caller = sim.inboundCall(InboundCall.of("02079460000", "7000"));
            client.until("switchboard::caller_on_hold", caller);

            connect(client, caller, "agent-leg-3", BUSY);
            EventView hold = client.next("switchboard::caller_on_hold", caller);

            assertThat(hold.header("Switchboard-Reason")).contains("USER_BUSY");
            assertThat(client.api("uuid_exists " + caller)).isEqualTo("true");
        }
    }

    @Test
    void a_device_freeswitch_cannot_reach_at_all_and_a_missing_device_send_the_caller_back_with_the_cause() throws Exception {
        try (FreeswitchSimulator sim = new FreeswitchSimulator(CONFIG).start(0);
                GlueClient client = new GlueClient(sim, EventFormat.PLAIN)) {
            String caller = sim.inboundCall(InboundCall.of("02079460000", "7000"));
            client.until("switchboard::caller_on_hold", caller);

            connect(client, caller, "agent-leg-5", "error/user_not_registered");
            List<EventView> events = client.until("switchboard::caller_on_hold", caller);
            client.api("uuid_transfer " + caller + " switchboard_connect XML switchboard");
            EventView noDevice = client.next("switchboard::caller_on_hold", caller);

            assertThat(events.get(events.size() - 1).header("Switchboard-Reason")).contains("USER_NOT_REGISTERED");
            assertThat(events).noneMatch(e -> e.header("Unique-ID").orElse("").equals("agent-leg-5"));
            assertThat(noDevice.header("Switchboard-Reason")).contains("INVALIDARGS");
        }
    }

    @Test
    void a_ringing_agent_leg_that_is_killed_sends_the_caller_back_to_hold_with_the_kill_cause() throws Exception {
        try (FreeswitchSimulator sim = new FreeswitchSimulator(CONFIG).start(0);
                GlueClient client = new GlueClient(sim, EventFormat.PLAIN)) {
            String caller = sim.inboundCall(InboundCall.of("02079460000", "7000"));
            client.until("switchboard::caller_on_hold", caller);
            connect(client, caller, "agent-leg-6", NEVER);
            client.next("CHANNEL_PROGRESS", "agent-leg-6");

            assertThat(client.api("uuid_kill agent-leg-6 CALL_REJECTED")).isEqualTo("+OK\n");

            assertThat(client.next("switchboard::caller_on_hold", caller).header("Switchboard-Reason")).contains("CALL_REJECTED");
        }
    }

    @Test
    void a_caller_who_hangs_up_while_the_agent_rings_cancels_the_ring_and_a_record_file_starts_once() throws Exception {
        try (FreeswitchSimulator sim = new FreeswitchSimulator(CONFIG).start(0);
                GlueClient client = new GlueClient(sim, EventFormat.PLAIN)) {
            String caller = sim.inboundCall(InboundCall.of("02079460000", "7000"));
            client.until("switchboard::caller_on_hold", caller);
            client.api("uuid_setvar " + caller + " switchboard_record_file /rec/call-1.wav");
            connect(client, caller, "agent-leg-7", NEVER);
            EventView recording = client.next("RECORD_START", caller);
            client.next("CHANNEL_PROGRESS", "agent-leg-7");
            String recordFileAfter = client.api("uuid_getvar " + caller + " switchboard_record_file");

            sim.callerHangsUp(caller);
            EventView cancelled = client.next("CHANNEL_HANGUP", "agent-leg-7");

            assertThat(recording.header("Record-File-Path")).contains("/rec/call-1.wav");
            assertThat(recordFileAfter).isEqualTo("_undef_");
            assertThat(cancelled.header("Hangup-Cause")).contains("ORIGINATOR_CANCEL");
        }
    }

    @Test
    void a_caller_returned_to_hold_while_the_agent_rings_cancels_the_ring_without_a_dial_result() throws Exception {
        try (FreeswitchSimulator sim = new FreeswitchSimulator(CONFIG).start(0);
                GlueClient client = new GlueClient(sim, EventFormat.PLAIN)) {
            String caller = sim.inboundCall(InboundCall.of("02079460000", "7000"));
            client.until("switchboard::caller_on_hold", caller);
            connect(client, caller, "agent-leg-8", NEVER);
            client.next("CHANNEL_PROGRESS", "agent-leg-8");

            client.api("uuid_setvar " + caller + " switchboard_hold_reason RETURNED");
            client.api("uuid_transfer " + caller + " switchboard_hold XML switchboard");
            List<EventView> events = client.until("switchboard::caller_on_hold", caller);

            assertThat(events.get(events.size() - 1).header("Switchboard-Reason")).contains("RETURNED");
            assertThat(GlueClient.labels(events, caller)).doesNotContain("switchboard::agent_dial_result");
            assertThat(events.stream().filter(e -> e.name().equals("CHANNEL_HANGUP")).findFirst().orElseThrow()
                    .header("Hangup-Cause")).contains("ORIGINATOR_CANCEL");
        }
    }

    @Test
    void a_connected_caller_sent_back_to_hold_ends_the_agent_leg_and_waits_with_the_reason_set() throws Exception {
        try (FreeswitchSimulator sim = new FreeswitchSimulator(CONFIG).start(0);
                GlueClient client = new GlueClient(sim, EventFormat.PLAIN)) {
            String caller = sim.inboundCall(InboundCall.of("02079460000", "7000"));
            client.until("switchboard::caller_on_hold", caller);
            connect(client, caller, "agent-leg-4", AGENT);
            client.next("CHANNEL_BRIDGE", caller);

            assertThat(client.api("uuid_setvar " + caller + " switchboard_hold_reason RETURNED")).isEqualTo("+OK\n");
            assertThat(client.api("uuid_transfer " + caller + " switchboard_hold XML switchboard")).isEqualTo("+OK\n");
            List<EventView> events = client.until("switchboard::caller_on_hold", caller);

            assertThat(GlueClient.labels(events, caller)).containsSubsequence("CHANNEL_UNBRIDGE", "switchboard::caller_on_hold")
                    .doesNotContain("switchboard::agent_dial_result");
            assertThat(GlueClient.labels(events, "agent-leg-4")).contains("CHANNEL_HANGUP");
            assertThat(events.get(events.size() - 1).header("Switchboard-Reason")).contains("RETURNED");
            assertThat(client.api("uuid_hold " + caller)).isEqualTo("+OK Success\n");
            assertThat(client.next("CHANNEL_HOLD", caller).header("Unique-ID")).contains(caller);
        }
    }

    /** What EslCallControl sends to ring an agent for a waiting caller. */
    static void connect(GlueClient client, String caller, String legUuid, String device) throws Exception {
        assertThat(client.api("uuid_setvar_multi " + caller + " switchboard_device=[origination_uuid=" + legUuid + "]"
                + device + ";switchboard_agent=a17;switchboard_ring_timeout=15")).isEqualTo("+OK\n");
        assertThat(client.api("uuid_transfer " + caller + " switchboard_connect XML switchboard")).isEqualTo("+OK\n");
    }
}
