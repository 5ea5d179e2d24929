package io.switchboard.sim.freeswitch;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.sim.asterisk.AmdOutcome;
import io.switchboard.sim.asterisk.Phone;
import io.switchboard.sim.esl.EventFormat;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Switchboard's glue in the simulator: dialler calls into switchboard_outbound, AMD, safe harbour. */
class SwitchboardGlueOutboundTest {

    private static final String AGENT = "sofia/internal/1001@127.0.0.1:15070";
    private static final String PERSON = "sofia/external/442079460010@127.0.0.1:15080";
    private static final String MACHINE = "sofia/external/442079460011@127.0.0.1:15080";

    private static final Map<String, Phone> PHONES = Map.of(
            AGENT, new Phone.Answers(Duration.ofSeconds(1), null),
            PERSON, new Phone.Answers(Duration.ofSeconds(3), null, AmdOutcome.HUMAN),
            MACHINE, new Phone.Answers(Duration.ofSeconds(3), null, AmdOutcome.MACHINE));

    private static FreeswitchConfig config(FsDialplan dialplan) {
        return FreeswitchConfig.of("ClueCon").withTimeScale(0.01).withDialplan(dialplan).withPhones(PHONES);
    }

    @Test
    void without_mod_amd_a_live_answer_is_reported_notbuilt_and_joined_to_the_session_by_uuid_bridge() throws Exception {
        try (FreeswitchSimulator sim = new FreeswitchSimulator(config(FsDialplan.switchboard())).start(0);
                GlueClient client = new GlueClient(sim, EventFormat.PLAIN)) {
            session(client);
            // 100 s of glue time is 1 s at this time scale: the default 2 s (20 ms) is shorter than a loaded test's round trip
            dial(client, "cust-1", PERSON,
                    "switchboard_campaign=c1,switchboard_agent_uuid=sess-1,switchboard_connect_wait=100000");
            EventView amd = client.next("switchboard::amd", "cust-1");
            assertThat(client.api("uuid_bridge cust-1 sess-1")).isEqualTo("+OK sess-1\n");
            List<EventView> joined = client.until("CHANNEL_BRIDGE", "cust-1");

            assertThat(amd.header("Switchboard-Status")).contains("NOTBUILT");
            assertThat(amd.header("Switchboard-Cause").orElse("")).isEmpty();
            assertThat(amd.header("Switchboard-Task")).contains("t1");
            assertThat(amd.header("Switchboard-Campaign")).contains("c1");
            assertThat(amd.header("Switchboard-Agent")).contains("a17");
            assertThat(GlueClient.labels(joined, "cust-1")).doesNotContain("switchboard::safe_harbour");
            assertThat(client.api("uuid_exists cust-1")).isEqualTo("true");
        }
    }

    @Test
    void with_mod_amd_a_person_is_human_and_a_live_answer_nobody_joins_gets_the_safe_harbour_message() throws Exception {
        try (FreeswitchSimulator sim = new FreeswitchSimulator(config(FsDialplan.switchboardWithAmd())).start(0);
                GlueClient client = new GlueClient(sim, EventFormat.JSON)) {
            session(client);
            dial(client, "cust-2", PERSON, "switchboard_agent_uuid=sess-1,switchboard_connect_wait=500");
            EventView amd = client.next("switchboard::amd", "cust-2");
            EventView harbour = client.next("switchboard::safe_harbour", "cust-2");
            EventView end = client.next("CHANNEL_HANGUP_COMPLETE", "cust-2");

            assertThat(amd.header("Switchboard-Status")).contains("HUMAN");
            assertThat(amd.header("Switchboard-Cause")).contains("SILENCEAFTERGREETING");
            assertThat(harbour.header("Switchboard-Reason")).contains("NOTCONNECTED");
            assertThat(harbour.header("Switchboard-Agent")).contains("a17");
            assertThat(end.header("Hangup-Cause")).contains("NORMAL_CLEARING");
        }
    }

    @Test
    void a_live_answer_without_an_agent_leg_gets_the_safe_harbour_at_once() throws Exception {
        try (FreeswitchSimulator sim = new FreeswitchSimulator(config(FsDialplan.switchboard())).start(0);
                GlueClient client = new GlueClient(sim, EventFormat.PLAIN)) {
            dial(client, "cust-3", PERSON, "switchboard_agent_uuid=");
            assertThat(client.next("switchboard::safe_harbour", "cust-3").header("Switchboard-Reason")).contains("NOAGENT");
            dial(client, "cust-4", PERSON, "switchboard_agent_uuid=gone-leg");
            assertThat(client.next("switchboard::safe_harbour", "cust-4").header("Switchboard-Reason")).contains("AGENTABSENT");
        }
    }

    @Test
    void a_machine_is_hung_up_or_left_the_message_as_switchboard_machine_action_says() throws Exception {
        try (FreeswitchSimulator sim = new FreeswitchSimulator(config(FsDialplan.switchboardWithAmd())).start(0);
                GlueClient client = new GlueClient(sim, EventFormat.PLAIN)) {
            dial(client, "cust-5", MACHINE, "switchboard_agent_uuid=");
            EventView amd = client.next("switchboard::amd", "cust-5");
            List<EventView> rest = client.until("CHANNEL_HANGUP_COMPLETE", "cust-5");
            dial(client, "cust-6", MACHINE, "switchboard_machine_action=message,switchboard_machine_message=/tmp/offer.wav");
            EventView left = client.next("switchboard::amd_message_left", "cust-6");

            assertThat(amd.header("Switchboard-Status")).contains("MACHINE");
            assertThat(amd.header("Switchboard-Cause")).contains("INITIALSILENCE");
            assertThat(GlueClient.labels(rest, "cust-5")).doesNotContain("switchboard::safe_harbour", "switchboard::amd_message_left");
            assertThat(rest.get(rest.size() - 1).header("Hangup-Cause")).contains("NORMAL_CLEARING");
            assertThat(left.header("Switchboard-Task")).contains("t1");
        }
    }

    private static void session(GlueClient client) throws Exception {
        client.bgapi("originate {origination_uuid=sess-1,switchboard_agent=a17}" + AGENT + " switchboard_agent_session XML switchboard");
        client.next("CHANNEL_PARK", "sess-1");
    }

    /** What a call for one agent sends: bgapi originate into switchboard_outbound (no campaign: see the campaign test). */
    private static void dial(GlueClient client, String uuid, String phone, String extra) throws Exception {
        client.bgapi("originate {origination_uuid=" + uuid + ",originate_timeout=15,switchboard_task=t1,"
                + "switchboard_agent=a17," + extra + "}" + phone + " switchboard_outbound XML switchboard");
    }
}
