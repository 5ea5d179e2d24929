package io.switchboard.sim.freeswitch;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.sim.ami.AmiMessage;
import io.switchboard.sim.asterisk.Phone;
import io.switchboard.sim.esl.EventFormat;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * {@code SimWorld.listen} on the FreeSWITCH side sees a dialled directory user ({@code user/1001@pbx}, the device
 * the glue's feature codes and Switchboard's agents use) as a {@code DialBegin} of its uuid and then its
 * {@code Hangup}, as a {@code sofia/} leg: a test can follow an agent's phone on either PBX in one vocabulary.
 */
class DialedUserListenTest {

    private final FreeswitchConfig config = FreeswitchConfig.of("ClueCon").withTimeScale(0.01)
            .withDialplan(FsDialplan.switchboard())
            .withPhones(Map.of("user/1001@pbx", new Phone.Answers(Duration.ofSeconds(1), null)));

    @Test
    void a_dialled_directory_user_shows_as_dial_begin_with_the_user_as_dial_string_then_as_hangup() throws Exception {
        List<AmiMessage> events = new CopyOnWriteArrayList<>();
        try (FreeswitchSimulator sim = new FreeswitchSimulator(config).start(0);
                GlueClient client = new GlueClient(sim, EventFormat.PLAIN)) {
            sim.drive(world -> world.listen(events::add));
            client.bgapi("originate {origination_uuid=sess-1,switchboard_agent=a17}user/1001@pbx"
                    + " switchboard_agent_session XML switchboard");
            client.next("CHANNEL_PARK", "sess-1");
            client.api("uuid_kill sess-1 NORMAL_CLEARING");
            client.until("CHANNEL_DESTROY", "sess-1");

            assertThat(events).filteredOn(e -> e.event().filter("DialBegin"::equals).isPresent()).singleElement()
                    .satisfies(e -> {
                        assertThat(e.first("DialString")).contains("1001@pbx");
                        assertThat(e.first("DestChannel")).contains("sess-1");
                    });
            assertThat(events).anyMatch(e -> e.event().filter("Hangup"::equals).isPresent()
                    && e.first("Channel").filter("sess-1"::equals).isPresent());
        }
    }
}
