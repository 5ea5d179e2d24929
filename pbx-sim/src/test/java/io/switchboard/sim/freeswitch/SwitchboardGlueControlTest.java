package io.switchboard.sim.freeswitch;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.sim.asterisk.InboundCall;
import io.switchboard.sim.asterisk.Phone;
import io.switchboard.sim.esl.EventFormat;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Switchboard's glue in the simulator: blind transfer, supervisor legs and recording commands. */
class SwitchboardGlueControlTest {

    private static final String AGENT = "sofia/internal/1001@127.0.0.1:15070";
    private static final String SUPERVISOR = "sofia/internal/1009@127.0.0.1:15079";

    private final FreeswitchConfig config = FreeswitchConfig.of("ClueCon").withTimeScale(0.01).withPhones(Map.of(
            AGENT, new Phone.Answers(Duration.ofSeconds(1), null),
            SUPERVISOR, new Phone.Answers(Duration.ofSeconds(1), null)));

    @Test
    void a_blind_transfer_is_reported_with_target_and_context_and_without_a_context_the_caller_waits_again() throws Exception {
        try (FreeswitchSimulator sim = new FreeswitchSimulator(config).start(0);
                GlueClient client = new GlueClient(sim, EventFormat.PLAIN)) {
            String caller = sim.inboundCall(InboundCall.of("02079460000", "7000"));
            client.until("switchboard::caller_on_hold", caller);

            client.api("uuid_setvar_multi " + caller + " switchboard_transfer_target=2000");
            client.api("uuid_transfer " + caller + " switchboard_transfer XML switchboard");
            EventView refused = client.next("switchboard::caller_on_hold", caller);
            client.api("uuid_setvar_multi " + caller + " switchboard_transfer_target=2000;switchboard_transfer_context=admin");
            client.api("uuid_transfer " + caller + " switchboard_transfer XML switchboard");
            EventView transferred = client.next("switchboard::call_transferred", caller);

            assertThat(refused.header("Switchboard-Reason")).contains("NOTRANSFERCONTEXT");
            assertThat(transferred.header("Switchboard-Target")).contains("2000");
            assertThat(transferred.header("Switchboard-Target-Context")).contains("admin");
            assertThat(client.next("CHANNEL_HANGUP", caller).header("Hangup-Cause")).contains("NO_ROUTE_DESTINATION");
        }
    }

    @Test
    void a_caller_sent_out_of_the_queue_reaches_the_admins_voicemail_with_queuestatus_or_is_hung_up()
            throws Exception {
        try (FreeswitchSimulator sim = new FreeswitchSimulator(config).start(0);
                GlueClient client = new GlueClient(sim, EventFormat.PLAIN)) {
            String caller = sim.inboundCall(InboundCall.of("02079460000", "7000"));
            String other = sim.inboundCall(InboundCall.of("02079460001", "7000"));
            client.until("switchboard::caller_on_hold", caller);
            client.until("switchboard::caller_on_hold", other);

            client.api("uuid_setvar_multi " + caller
                    + " QUEUESTATUS=TIMEOUT;switchboard_exit_target=8001;switchboard_exit_context=voicemail");
            client.api("uuid_transfer " + caller + " switchboard_exit XML switchboard");
            client.next("CHANNEL_PARK", caller);
            client.api("uuid_transfer " + other + " switchboard_exit XML switchboard");

            assertThat(client.next("CHANNEL_HANGUP", other).header("Hangup-Cause")).contains("NORMAL_CLEARING");
            String[] where = new String[2];
            sim.drive(world -> {
                where[0] = world.dialplanLocation(caller).orElse("gone");
                where[1] = world.variable(caller, "QUEUESTATUS").orElse("unset");
            });
            assertThat(where).containsExactly("voicemail,8001", "TIMEOUT");
        }
    }

    @Test
    void a_supervisor_listens_to_an_agent_leg_until_it_ends_then_is_hung_up() throws Exception {
        try (FreeswitchSimulator sim = new FreeswitchSimulator(config).start(0);
                GlueClient client = new GlueClient(sim, EventFormat.JSON)) {
            client.bgapi("originate {origination_uuid=sess-1,switchboard_agent=a17}" + AGENT + " switchboard_agent_session XML switchboard");
            client.next("CHANNEL_PARK", "sess-1");
            client.bgapi("originate {origination_uuid=spy-1,switchboard_spy_target=sess-1}" + SUPERVISOR
                    + " switchboard_spy_listen XML switchboard");
            client.next("CHANNEL_ANSWER", "spy-1");

            client.api("uuid_kill sess-1");
            EventView end = client.next("CHANNEL_HANGUP_COMPLETE", "spy-1");

            assertThat(end.header("variable_eavesdrop_whisper_aleg")).contains("false");
            assertThat(end.header("variable_eavesdrop_whisper_bleg")).contains("false");
            assertThat(end.header("variable_last_app")).contains("eavesdrop");
            assertThat(end.header("Hangup-Cause")).contains("NORMAL_CLEARING");
        }
    }

    @Test
    void recording_commands_answer_as_freeswitch_does() throws Exception {
        try (FreeswitchSimulator sim = new FreeswitchSimulator(config).start(0);
                GlueClient client = new GlueClient(sim, EventFormat.PLAIN)) {
            String caller = sim.inboundCall(InboundCall.of("02079460000", "7000"));
            client.until("switchboard::caller_on_hold", caller);
            String file = "/rec/" + caller + ".wav";

            assertThat(client.api("uuid_record " + caller + " start " + file)).isEqualTo("+OK Success\n");
            assertThat(client.next("RECORD_START", caller).header("Record-File-Path")).contains(file);
            assertThat(client.api("uuid_record " + caller + " mask " + file)).isEqualTo("+OK Success\n");
            assertThat(client.api("uuid_record " + caller + " unmask " + file)).isEqualTo("+OK Success\n");
            assertThat(client.api("uuid_record " + caller + " stop " + file)).isEqualTo("+OK Success\n");
            assertThat(client.next("RECORD_STOP", caller).header("Record-File-Path")).contains(file);
            assertThat(client.api("uuid_setvar " + caller + " switchboard_recording")).isEqualTo("+OK\n");
            assertThat(client.api("uuid_getvar " + caller + " switchboard_recording")).isEqualTo("_undef_");
        }
    }
}
