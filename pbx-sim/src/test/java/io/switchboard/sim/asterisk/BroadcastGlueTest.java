package io.switchboard.sim.asterisk;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.sim.ami.AmiMessage;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The glue's broadcast branch of switchboard-outbound: an agentless campaign's live answer hears
 * SWITCHBOARD_BROADCAST as Read's prompt and the glue reports UserEvent BroadcastPlayed, OPTEDOUT when the person
 * pressed SWITCHBOARD_OPT_OUT_DIGIT, else HEARD; a machine takes the machine branch; the simulator remembers what
 * the gone channel heard.
 */
class BroadcastGlueTest {

    private static final Duration RING = Duration.ofMillis(300);
    private static final SimulatorConfig CONFIG = new SimulatorConfig(Map.of("cti", "s"),
            Dialplan.switchboard(GlueContexts.shipped()), Map.of(
                    "SIP/5550100@carrier", new Phone.Answers(RING, null, AmdOutcome.HUMAN),
                    "SIP/5550101@carrier", new Phone.Answers(RING, null, AmdOutcome.HUMAN).pressing("9"),
                    "SIP/5550102@carrier", new Phone.Answers(RING, null, AmdOutcome.HUMAN).pressing("4"),
                    "SIP/5550200@carrier", new Phone.Answers(RING, null, AmdOutcome.MACHINE)),
            0.01, Clock.systemUTC());

    @Test
    void a_live_answer_hears_the_broadcast_and_is_hung_up_after_the_prompt_window() throws Exception {
        try (AsteriskSimulator sim = new AsteriskSimulator(CONFIG).start(0);
                AmiTestClient client = new AmiTestClient(sim.port())) {
            NailedAgentGlueTest.login(client);
            dial(client, "SIP/5550100@carrier");
            AmiMessage amd = client.until("UserEvent");
            String customer = amd.first("Channel").orElseThrow();
            AmiMessage played = client.until("UserEvent");

            assertThat(played.first("UserEvent")).contains("BroadcastPlayed");
            assertThat(played.first("Status")).contains("HEARD");
            assertThat(client.until("Hangup").first("Cause")).contains("16");
            assertThat(heard(sim, customer)).containsExactly("custom/flu-clinic");
        }
    }

    @Test
    void the_opt_out_digit_pressed_during_the_message_is_reported_as_opted_out() throws Exception {
        try (AsteriskSimulator sim = new AsteriskSimulator(CONFIG).start(0);
                AmiTestClient client = new AmiTestClient(sim.port())) {
            NailedAgentGlueTest.login(client);
            dial(client, "SIP/5550101@carrier");
            client.until("UserEvent");
            AmiMessage key = client.until("DTMFEnd");
            AmiMessage played = client.until("UserEvent");

            assertThat(key.first("Digit")).contains("9");
            assertThat(played.first("Status")).contains("OPTEDOUT");
        }
    }

    @Test
    void another_key_is_no_opt_out() throws Exception {
        try (AsteriskSimulator sim = new AsteriskSimulator(CONFIG).start(0);
                AmiTestClient client = new AmiTestClient(sim.port())) {
            NailedAgentGlueTest.login(client);
            dial(client, "SIP/5550102@carrier");
            client.until("UserEvent");
            assertThat(client.until("UserEvent").first("Status")).contains("HEARD");
        }
    }

    @Test
    void a_machine_gets_the_machine_message_not_the_broadcast() throws Exception {
        try (AsteriskSimulator sim = new AsteriskSimulator(CONFIG).start(0);
                AmiTestClient client = new AmiTestClient(sim.port())) {
            NailedAgentGlueTest.login(client);
            dial(client, "SIP/5550200@carrier");
            AmiMessage amd = client.until("UserEvent");
            String customer = amd.first("Channel").orElseThrow();
            assertThat(amd.first("Status")).contains("MACHINE");
            assertThat(client.until("UserEvent").first("UserEvent")).contains("AMDMessageLeft");
            client.until("Hangup");
            assertThat(heard(sim, customer)).containsExactly("custom/flu-clinic-vm");
        }
    }

    private static List<String> heard(AsteriskSimulator sim, String channel) {
        AtomicReference<List<String>> heard = new AtomicReference<>();
        sim.drive(world -> heard.set(world.played(channel)));
        return heard.get();
    }

    /** What {@code CampaignCalls} sends for an agentless campaign's call: a campaign, its broadcast, no agent. */
    private static void dial(AmiTestClient client, String customer) throws Exception {
        client.action("Action", "Originate", "ActionID", "flu-" + customer, "Channel", customer,
                "Context", "switchboard-outbound", "Exten", "s", "Priority", "1", "Timeout", "20000",
                "Variable", "SWITCHBOARD_CAMPAIGN=flu,SWITCHBOARD_LEAD=l1,SWITCHBOARD_TASK=t1,"
                        + "SWITCHBOARD_MACHINE_ACTION=message,SWITCHBOARD_MACHINE_MESSAGE=custom/flu-clinic-vm,"
                        + "SWITCHBOARD_BROADCAST=custom/flu-clinic,SWITCHBOARD_OPT_OUT_DIGIT=9",
                "Async", "true");
    }
}
