package io.switchboard.sim.freeswitch;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.sim.asterisk.AmdOutcome;
import io.switchboard.sim.asterisk.Phone;
import io.switchboard.sim.esl.EventFormat;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The glue's campaign branch in the simulator: a call placed for a campaign with no agent leg named waits in
 * silence after a live answer for Switchboard's {@code uuid_bridge}, else hears the safe-harbour message with
 * reason NOTCONNECTED; a machine with {@code switchboard_machine_action=agent} is treated as live.
 */
class SwitchboardGlueCampaignTest {

    private static final String AGENT = "sofia/internal/1001@127.0.0.1:15070";
    private static final String PERSON = "sofia/external/442079460010@127.0.0.1:15080";
    private static final String MACHINE = "sofia/external/442079460011@127.0.0.1:15080";

    private static final Map<String, Phone> PHONES = Map.of(
            AGENT, new Phone.Answers(Duration.ofSeconds(1), null),
            PERSON, new Phone.Answers(Duration.ofSeconds(3), null, AmdOutcome.HUMAN),
            MACHINE, new Phone.Answers(Duration.ofSeconds(3), null, AmdOutcome.MACHINE));

    private static FreeswitchConfig config() {
        return FreeswitchConfig.of("ClueCon").withTimeScale(0.01).withDialplan(FsDialplan.switchboardWithAmd())
                .withPhones(PHONES);
    }

    @Test
    void a_live_answer_bridged_to_an_agent_within_the_wait_is_joined_without_the_safe_harbour() throws Exception {
        try (FreeswitchSimulator sim = new FreeswitchSimulator(config()).start(0);
                GlueClient client = new GlueClient(sim, EventFormat.PLAIN)) {
            session(client);
            // 100 s of glue time is 1 s at this time scale: room for the test's round trip
            dial(client, "camp-1", PERSON, "switchboard_connect_wait=100000");
            EventView amd = client.next("switchboard::amd", "camp-1");
            assertThat(client.api("uuid_bridge camp-1 sess-1")).isEqualTo("+OK sess-1\n");
            List<EventView> joined = client.until("CHANNEL_BRIDGE", "camp-1");

            assertThat(amd.header("Switchboard-Status")).contains("HUMAN");
            assertThat(amd.header("Switchboard-Campaign")).contains("c1");
            assertThat(amd.header("Switchboard-Agent").orElse("")).isEmpty();
            assertThat(GlueClient.labels(joined, "camp-1")).doesNotContain("switchboard::safe_harbour");
            assertThat(client.api("uuid_exists camp-1")).isEqualTo("true");
        }
    }

    @Test
    void a_live_answer_nobody_bridges_within_the_wait_gets_the_safe_harbour_notconnected() throws Exception {
        try (FreeswitchSimulator sim = new FreeswitchSimulator(config()).start(0);
                GlueClient client = new GlueClient(sim, EventFormat.PLAIN)) {
            dial(client, "camp-2", PERSON, "switchboard_connect_wait=500");
            client.next("switchboard::amd", "camp-2");
            EventView harbour = client.next("switchboard::safe_harbour", "camp-2");
            EventView end = client.next("CHANNEL_HANGUP_COMPLETE", "camp-2");

            assertThat(harbour.header("Switchboard-Reason")).contains("NOTCONNECTED");
            assertThat(end.header("Hangup-Cause")).contains("NORMAL_CLEARING");
        }
    }

    @Test
    void a_machine_with_machine_action_agent_waits_like_a_live_answer_and_is_bridged() throws Exception {
        try (FreeswitchSimulator sim = new FreeswitchSimulator(config()).start(0);
                GlueClient client = new GlueClient(sim, EventFormat.PLAIN)) {
            session(client);
            dial(client, "camp-3", MACHINE, "switchboard_machine_action=agent,switchboard_connect_wait=100000");
            EventView amd = client.next("switchboard::amd", "camp-3");
            assertThat(client.api("uuid_bridge camp-3 sess-1")).isEqualTo("+OK sess-1\n");
            List<EventView> joined = client.until("CHANNEL_BRIDGE", "camp-3");

            assertThat(amd.header("Switchboard-Status")).contains("MACHINE");
            assertThat(GlueClient.labels(joined, "camp-3"))
                    .doesNotContain("switchboard::safe_harbour", "switchboard::amd_message_left");
        }
    }

    private static void session(GlueClient client) throws Exception {
        client.bgapi("originate {origination_uuid=sess-1,switchboard_agent=a17}" + AGENT
                + " switchboard_agent_session XML switchboard");
        client.next("CHANNEL_PARK", "sess-1");
    }

    /** What {@code CampaignCalls} sends for a power or predictive call: a campaign, no agent. */
    private static void dial(GlueClient client, String uuid, String phone, String extra) throws Exception {
        client.bgapi("originate {origination_uuid=" + uuid + ",originate_timeout=15,switchboard_task=t1,"
                + "switchboard_campaign=c1,switchboard_lead=l1," + extra + "}" + phone
                + " switchboard_outbound XML switchboard");
    }
}
