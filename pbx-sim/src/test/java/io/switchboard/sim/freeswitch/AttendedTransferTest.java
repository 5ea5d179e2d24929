package io.switchboard.sim.freeswitch;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.sim.asterisk.InboundCall;
import io.switchboard.sim.asterisk.Phone;
import io.switchboard.sim.esl.EslCommand;
import io.switchboard.sim.esl.EventFormat;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code uuid_broadcast <agent leg> att_xfer::<dial string>} over the wire: the customer hears hold music, the
 * target is consulted by the agent, and the agent hanging up hands the customer to the target.
 */
class AttendedTransferTest {

    private static final String AGENT = "sofia/internal/1001@127.0.0.1:15070";
    private static final String TARGET = "loopback/+4930200000/default";
    private static final String BUSY_TARGET = "loopback/+4930200099/default";

    private final FreeswitchConfig config = FreeswitchConfig.of("ClueCon").withTimeScale(0.01)
            .withDialplan(FsDialplan.switchboard()).withPhones(Map.of(
                    AGENT, new Phone.Answers(Duration.ofSeconds(1), null),
                    TARGET, new Phone.Answers(Duration.ofSeconds(1), null),
                    BUSY_TARGET, new Phone.Busy()));

    @Test
    void the_customer_hears_its_hold_music_and_the_agent_hanging_up_after_the_consultation_bridges_it_to_the_target() throws Exception {
        try (FreeswitchSimulator sim = new FreeswitchSimulator(config).start(0);
                GlueClient client = new GlueClient(sim, EventFormat.PLAIN);
                EslTestClient executions = subscribedTo(sim, "CHANNEL_EXECUTE")) {
            String caller = talkingToAgent(sim, client, "agent-1");
            client.api("uuid_setvar " + caller + " hold_music local_stream://transfer");

            assertThat(client.api("uuid_broadcast agent-1 att_xfer::" + TARGET)).isEqualTo("+OK Message Sent\n");
            List<EventView> consultation = client.until("CHANNEL_BRIDGE", "agent-1");
            String target = consultation.get(consultation.size() - 1).header("Bridge-B-Unique-ID").orElseThrow();
            client.api("uuid_kill agent-1 NORMAL_CLEARING");
            EventView handedOver = client.next("CHANNEL_BRIDGE", target);

            assertThat(consultation).anySatisfy(e -> {
                assertThat(e.name()).isEqualTo("CHANNEL_CREATE");
                assertThat(e.header("Channel-Name")).contains(TARGET);
            });
            assertThat(playbackOn(executions, caller).header("Application-Data")).contains("local_stream://transfer");
            assertThat(handedOver.header("Bridge-B-Unique-ID")).contains(caller);
            assertThat(client.api("uuid_exists " + caller)).isEqualTo("true");
        }
    }

    @Test
    void a_handed_over_customer_whose_transfer_after_bridge_was_unset_ends_with_the_target_instead_of_waiting_again()
            throws Exception {
        try (FreeswitchSimulator sim = new FreeswitchSimulator(config).start(0);
                GlueClient client = new GlueClient(sim, EventFormat.PLAIN)) {
            String caller = talkingToAgent(sim, client, "agent-4");
            client.api("uuid_setvar " + caller + " transfer_after_bridge");
            client.api("uuid_broadcast agent-4 att_xfer::" + TARGET);
            List<EventView> consultation = client.until("CHANNEL_BRIDGE", "agent-4");
            String target = consultation.get(consultation.size() - 1).header("Bridge-B-Unique-ID").orElseThrow();
            client.api("uuid_kill agent-4 NORMAL_CLEARING");
            client.next("CHANNEL_BRIDGE", target);

            client.api("uuid_kill " + target + " NORMAL_CLEARING");
            List<EventView> end = client.until("CHANNEL_HANGUP_COMPLETE", caller);

            assertThat(GlueClient.labels(end, caller)).doesNotContain("switchboard::caller_on_hold");
        }
    }

    @Test
    void a_target_that_hangs_up_puts_the_agent_back_with_the_customer() throws Exception {
        try (FreeswitchSimulator sim = new FreeswitchSimulator(config).start(0);
                GlueClient client = new GlueClient(sim, EventFormat.PLAIN)) {
            String caller = talkingToAgent(sim, client, "agent-2");

            client.api("uuid_broadcast agent-2 att_xfer::" + TARGET);
            List<EventView> consultation = client.until("CHANNEL_BRIDGE", "agent-2");
            String target = consultation.get(consultation.size() - 1).header("Bridge-B-Unique-ID").orElseThrow();
            client.api("uuid_kill " + target + " NORMAL_CLEARING");
            EventView back = client.next("CHANNEL_BRIDGE", "agent-2");

            assertThat(back.header("Bridge-B-Unique-ID")).contains(caller);
            assertThat(client.api("uuid_exists agent-2")).isEqualTo("true");
        }
    }

    @Test
    void a_busy_target_leaves_agent_and_customer_talking_and_an_unknown_channel_is_still_ok() throws Exception {
        try (FreeswitchSimulator sim = new FreeswitchSimulator(config).start(0);
                GlueClient client = new GlueClient(sim, EventFormat.PLAIN)) {
            String caller = talkingToAgent(sim, client, "agent-3");

            client.api("uuid_broadcast agent-3 att_xfer::" + BUSY_TARGET);
            EventView busy = client.next("CHANNEL_HANGUP_COMPLETE", null);

            assertThat(busy.header("Hangup-Cause")).contains("USER_BUSY");
            assertThat(client.api("uuid_exists agent-3")).isEqualTo("true");
            assertThat(client.api("uuid_exists " + caller)).isEqualTo("true");
            assertThat(client.api("uuid_broadcast no-such-uuid att_xfer::" + TARGET)).isEqualTo("+OK Message Sent\n");
        }
    }

    private static String talkingToAgent(FreeswitchSimulator sim, GlueClient client, String agentLeg) throws Exception {
        String caller = sim.inboundCall(InboundCall.of("02079460000", "7000"));
        client.until("switchboard::caller_on_hold", caller);
        client.api("uuid_setvar_multi " + caller + " switchboard_device=[origination_uuid=" + agentLeg + "]" + AGENT
                + ";switchboard_agent=a17;switchboard_ring_timeout=15");
        client.api("uuid_transfer " + caller + " switchboard_connect XML switchboard");
        client.next("CHANNEL_BRIDGE", caller);
        return caller;
    }

    private static EslTestClient subscribedTo(FreeswitchSimulator sim, String event) throws Exception {
        EslTestClient client = new EslTestClient(sim.port());
        client.frame();
        client.send(new EslCommand.Auth("ClueCon"));
        client.frame();
        client.send(new EslCommand.Event(EventFormat.PLAIN, List.of(event)));
        client.frame();
        return client;
    }

    /** The first playback started on {@code uuid}; fails after 5 s without one. */
    private static EventView playbackOn(EslTestClient client, String uuid) throws Exception {
        while (true) {
            EventView e = EventView.of(client.frame()).orElse(null);
            if (e != null && e.header("Unique-ID").orElse("").equals(uuid)
                    && e.header("Application").orElse("").equals("playback")) {
                return e;
            }
        }
    }
}
