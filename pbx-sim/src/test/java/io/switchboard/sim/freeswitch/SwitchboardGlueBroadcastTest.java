package io.switchboard.sim.freeswitch;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.sim.asterisk.AmdOutcome;
import io.switchboard.sim.asterisk.Phone;
import io.switchboard.sim.esl.EventFormat;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The glue's broadcast extensions in the simulator: an agentless campaign's live answer hears
 * {@code switchboard_broadcast} as the prompt of {@code play_and_get_digits} and the glue fires
 * {@code switchboard::broadcast}, OPTEDOUT when the person pressed {@code switchboard_opt_out_digit}, else HEARD;
 * a machine takes the machine extension.
 */
class SwitchboardGlueBroadcastTest {

    private static final String PERSON = "sofia/external/442079460010@127.0.0.1:15080";
    private static final String OPTS_OUT = "sofia/external/442079460012@127.0.0.1:15080";
    private static final String MACHINE = "sofia/external/442079460011@127.0.0.1:15080";

    private static final Map<String, Phone> PHONES = Map.of(
            PERSON, new Phone.Answers(Duration.ofSeconds(3), null, AmdOutcome.HUMAN),
            OPTS_OUT, new Phone.Answers(Duration.ofSeconds(3), null, AmdOutcome.HUMAN).pressing("9"),
            MACHINE, new Phone.Answers(Duration.ofSeconds(3), null, AmdOutcome.MACHINE));

    private static FreeswitchConfig config() {
        return FreeswitchConfig.of("ClueCon").withTimeScale(0.01).withDialplan(FsDialplan.switchboardWithAmd())
                .withPhones(PHONES);
    }

    @Test
    void a_live_answer_hears_the_broadcast_and_is_hung_up_after_the_prompt_window() throws Exception {
        try (FreeswitchSimulator sim = new FreeswitchSimulator(config()).start(0);
                GlueClient client = new GlueClient(sim, EventFormat.PLAIN)) {
            dial(client, "flu-1", PERSON);
            client.next("switchboard::amd", "flu-1");
            EventView played = client.next("switchboard::broadcast", "flu-1");
            List<EventView> end = client.until("CHANNEL_HANGUP_COMPLETE", "flu-1");

            assertThat(played.header("Switchboard-Status")).contains("HEARD");
            assertThat(played.header("Switchboard-Task")).contains("t1");
            assertThat(GlueClient.labels(end, "flu-1")).doesNotContain("switchboard::safe_harbour");
            assertThat(heard(sim, "flu-1")).containsExactly("custom/flu-clinic.wav");
        }
    }

    @Test
    void the_opt_out_digit_pressed_during_the_message_is_reported_as_opted_out() throws Exception {
        try (FreeswitchSimulator sim = new FreeswitchSimulator(config()).start(0);
                GlueClient client = new GlueClient(sim, EventFormat.PLAIN)) {
            dial(client, "flu-2", OPTS_OUT);
            client.next("switchboard::amd", "flu-2");
            EventView key = client.next("DTMF", "flu-2");
            EventView played = client.next("switchboard::broadcast", "flu-2");

            assertThat(key.header("DTMF-Digit")).contains("9");
            assertThat(played.header("Switchboard-Status")).contains("OPTEDOUT");
        }
    }

    @Test
    void a_machine_gets_the_machine_message_not_the_broadcast() throws Exception {
        try (FreeswitchSimulator sim = new FreeswitchSimulator(config()).start(0);
                GlueClient client = new GlueClient(sim, EventFormat.PLAIN)) {
            dial(client, "flu-3", MACHINE);
            client.next("switchboard::amd", "flu-3");
            client.next("switchboard::amd_message_left", "flu-3");
            client.next("CHANNEL_HANGUP_COMPLETE", "flu-3");

            assertThat(heard(sim, "flu-3")).containsExactly("custom/flu-clinic-vm.wav");
        }
    }

    private static List<String> heard(FreeswitchSimulator sim, String uuid) {
        AtomicReference<List<String>> heard = new AtomicReference<>();
        sim.drive(world -> heard.set(world.played(uuid)));
        return heard.get();
    }

    /** What {@code CampaignCalls} sends for an agentless campaign's call: a campaign, its broadcast, no agent. */
    private static void dial(GlueClient client, String uuid, String phone) throws Exception {
        client.bgapi("originate {origination_uuid=" + uuid + ",originate_timeout=15,switchboard_task=t1,"
                + "switchboard_campaign=flu,switchboard_lead=l1,switchboard_machine_action=message,"
                + "switchboard_machine_message=custom/flu-clinic-vm.wav,switchboard_broadcast=custom/flu-clinic.wav,"
                + "switchboard_opt_out_digit=9}" + phone + " switchboard_outbound XML switchboard");
    }
}
