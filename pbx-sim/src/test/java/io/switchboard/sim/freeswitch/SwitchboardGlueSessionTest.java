package io.switchboard.sim.freeswitch;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.sim.asterisk.DeskPhone;
import io.switchboard.sim.asterisk.InboundCall;
import io.switchboard.sim.asterisk.Phone;
import io.switchboard.sim.esl.EventFormat;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Switchboard's glue in the simulator: nailed-up agent sessions and the agents' feature codes. */
class SwitchboardGlueSessionTest {

    private static final String DEVICE = "sofia/internal/1001@127.0.0.1:15070";

    private final FreeswitchConfig config = FreeswitchConfig.of("ClueCon").withTimeScale(0.01)
            .withDialplan(FsDialplan.switchboard())
            .withPhones(Map.of(DEVICE, new Phone.Answers(Duration.ofSeconds(1), null)));

    @Test
    void a_session_joins_callers_by_uuid_bridge_parks_again_after_one_and_a_caller_whose_agent_leaves_is_held() throws Exception {
        try (FreeswitchSimulator sim = new FreeswitchSimulator(config).start(0);
                GlueClient client = new GlueClient(sim, EventFormat.PLAIN)) {
            client.bgapi("originate {origination_uuid=sess-1,switchboard_agent=a17}user/1001@pbx"
                    + " switchboard_agent_session XML switchboard");
            EventView started = client.next("switchboard::agent_session_started", "sess-1");
            client.next("CHANNEL_PARK", "sess-1");

            String first = sim.inboundCall(InboundCall.of("02079460001", "7000"));
            client.until("switchboard::caller_on_hold", first);
            assertThat(client.api("uuid_bridge " + first + " sess-1")).isEqualTo("+OK sess-1\n");
            client.next("CHANNEL_BRIDGE", first);
            sim.callerHangsUp(first);
            EventView parkedAgain = client.next("CHANNEL_PARK", "sess-1");

            String second = sim.inboundCall(InboundCall.of("02079460002", "7000"));
            client.until("switchboard::caller_on_hold", second);
            client.api("uuid_bridge " + second + " sess-1");
            client.next("CHANNEL_BRIDGE", second);
            assertThat(client.api("uuid_kill sess-1 NORMAL_CLEARING")).isEqualTo("+OK\n");
            List<EventView> after = client.until("CHANNEL_DESTROY", "sess-1");
            EventView sessionEnd = after.stream().filter(e -> e.name().equals("CHANNEL_HANGUP_COMPLETE")
                    && e.header("Unique-ID").orElse("").equals("sess-1")).findFirst().orElseThrow();
            // the caller's own thread moves it on: on FreeSWITCH that may come before or after the session's end
            EventView held = after.stream().anyMatch(e -> GlueClient.label(e).equals("switchboard::caller_on_hold"))
                    ? after.stream().filter(e -> GlueClient.label(e).equals("switchboard::caller_on_hold")).findFirst().orElseThrow()
                    : client.next("switchboard::caller_on_hold", second);

            assertThat(started.header("Switchboard-Agent")).contains("a17");
            assertThat(parkedAgain.header("variable_park_after_bridge")).contains("true");
            assertThat(sessionEnd.header("variable_switchboard_session")).contains("a17");
            assertThat(held.header("Switchboard-Reason")).contains("AGENTLEFT");
            assertThat(held.header("Switchboard-DNID")).contains("7000");
        }
    }

    @Test
    void a_caller_whose_agent_phone_rings_can_be_joined_to_a_session_instead_and_the_ringing_leg_is_cancelled() throws Exception {
        try (FreeswitchSimulator sim = new FreeswitchSimulator(config.withPhones(Map.of(DEVICE, new Phone.Answers(Duration.ofSeconds(1), null),
                SwitchboardGlueInboundTest.NEVER, new Phone.NeverAnswers()))).start(0);
                GlueClient client = new GlueClient(sim, EventFormat.PLAIN)) {
            client.bgapi("originate {origination_uuid=sess-2,switchboard_agent=a18}" + DEVICE
                    + " switchboard_agent_session XML switchboard");
            client.next("CHANNEL_PARK", "sess-2");
            String caller = sim.inboundCall(InboundCall.of("02079460003", "7000"));
            client.until("switchboard::caller_on_hold", caller);
            SwitchboardGlueInboundTest.connect(client, caller, "ringing-1", SwitchboardGlueInboundTest.NEVER);
            client.next("CHANNEL_PROGRESS", "ringing-1");

            client.api("uuid_bridge " + caller + " sess-2");
            List<EventView> events = client.until("CHANNEL_BRIDGE", caller);

            assertThat(GlueClient.labels(events, "ringing-1")).contains("CHANNEL_HANGUP");
            assertThat(events.stream().filter(e -> e.name().equals("CHANNEL_HANGUP")).findFirst().orElseThrow()
                    .header("Hangup-Cause")).contains("ORIGINATOR_CANCEL");
            assertThat(GlueClient.labels(events, caller)).doesNotContain("switchboard::agent_dial_result");
        }
    }

    @Test
    void star_71_logs_in_on_demand_and_star_72_logs_out_with_the_directory_user_as_device() throws Exception {
        try (FreeswitchSimulator sim = new FreeswitchSimulator(config).start(0);
                GlueClient client = new GlueClient(sim, EventFormat.PLAIN)) {
            DeskPhone phone = new DeskPhone("user/1001@pbx", "1001", "a17");
            AtomicReference<String> login = new AtomicReference<>();
            sim.drive(world -> login.set(world.phoneDials(phone, "*71")));
            EventView in = client.next("switchboard::agent_login", login.get());
            client.next("CHANNEL_HANGUP_COMPLETE", login.get());
            AtomicReference<String> logout = new AtomicReference<>();
            sim.drive(world -> logout.set(world.phoneDials(new DeskPhone("sofia/internal/2002@127.0.0.1", "2002", ""), "*72")));
            EventView out = client.next("switchboard::agent_logout", logout.get());

            assertThat(in.header("Switchboard-Agent")).contains("a17");
            assertThat(in.header("Switchboard-Device")).contains("user/1001@pbx");
            assertThat(in.header("Switchboard-Mode")).contains("ondemand");
            assertThat(out.header("Switchboard-Agent")).contains("2002");
            assertThat(out.header("Switchboard-Device")).contains("sofia/internal/2002@127.0.0.1");
        }
    }

    @Test
    void star_70_logs_in_nailed_and_the_phone_stays_as_the_parked_session_leg() throws Exception {
        try (FreeswitchSimulator sim = new FreeswitchSimulator(config).start(0);
                GlueClient client = new GlueClient(sim, EventFormat.JSON)) {
            AtomicReference<String> uuid = new AtomicReference<>();
            sim.drive(world -> uuid.set(world.phoneDials(new DeskPhone("user/1003@pbx", "1003", ""), "*70")));
            List<EventView> events = client.until("CHANNEL_PARK", uuid.get());

            assertThat(GlueClient.labels(events, uuid.get())).containsSubsequence("switchboard::agent_login",
                    "CHANNEL_ANSWER", "switchboard::agent_session_started", "CHANNEL_PARK");
            EventView login = events.stream().filter(e -> GlueClient.label(e).equals("switchboard::agent_login"))
                    .findFirst().orElseThrow();
            assertThat(login.header("Switchboard-Agent")).contains("1003");
            assertThat(login.header("Switchboard-Mode")).contains("nailed");
            assertThat(client.api("uuid_getvar " + uuid.get() + " switchboard_session")).isEqualTo("1003");
        }
    }
}
