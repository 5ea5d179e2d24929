package io.switchboard.esl.connection;

import io.switchboard.core.call.Did;
import io.switchboard.core.call.HangupCause;
import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.event.PbxEvent;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.LegId;
import io.switchboard.core.id.QueueId;
import io.switchboard.esl.transcript.RecordedEvent;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.switchboard.esl.connection.ConnectionFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * After each (re)connect, what the glue announced while Switchboard was away is read back from the channels
 * FreeSWITCH lists ({@code show channels as json} in fixture 10's shape) with {@code uuid_getvar}.
 */
class GlueResyncTest {

    private static final String HELD = "0a0a0a0a-0000-4000-8000-0000000000a1";
    private static final String SESSION = "0a0a0a0a-0000-4000-8000-0000000000a2";
    private static final String FRESH_SESSION = "0a0a0a0a-0000-4000-8000-0000000000a3";

    @Test
    void a_waiting_caller_and_a_session_leg_missed_while_away_are_offered_and_opened_once_across_reconnects()
            throws Exception {
        try (ConnectionFixture pbx = ConnectionFixture.playing("01-connect-auth-ok.esl.txt")) {
            pbx.server.script("api show channels", channels(
                    row(HELD, "inbound", "+442079460000", "switchboard_hold", "endless_playback"),
                    row(SESSION, "outbound", "1001", "switchboard_agent_session", "park"),
                    row(FRESH_SESSION, "outbound", "1002", "switchboard_agent_session", "answer")));
            pbx.server.script("api uuid_getvar " + HELD + " switchboard_dnid", "7000");
            pbx.server.script("api uuid_getvar " + HELD + " switchboard_queue", "billing");
            pbx.server.script("api uuid_getvar " + SESSION + " switchboard_session", "a17");
            pbx.server.script("api uuid_getvar " + FRESH_SESSION + " switchboard_session", "_undef_");
            pbx.loggedIn();

            assertThat(pbx.server.commands()).containsSubsequence("api show channels as json",
                    "api uuid_getvar " + HELD + " switchboard_dnid", "api uuid_getvar " + HELD + " switchboard_queue",
                    "api uuid_getvar " + SESSION + " switchboard_session", "api status");
            assertThat(pbx.published).extracting(e -> e.getClass().getSimpleName())
                    .as("read back before the connection is reported up")
                    .containsExactly("PbxResynced", "CallOffered", "AgentSessionOpened", "PbxConnected");
            assertThat(pbx.published(PbxEvent.PbxResynced.class)).singleElement()
                    .as("the listed legs, before the announcements read back")
                    .satisfies(resynced -> assertThat(resynced.liveLegs()).containsExactlyInAnyOrder(
                            LegId.of("fs1/" + HELD), LegId.of("fs1/" + SESSION), LegId.of("fs1/" + FRESH_SESSION)));
            assertThat(pbx.published(PbxEvent.CallOffered.class)).singleElement().satisfies(offered -> {
                assertThat(offered.call()).isEqualTo(pbx.connection.channels().callOf(HELD));
                assertThat(pbx.published(PbxEvent.PbxResynced.class).get(0).liveLegs()).as("listed under its leg")
                        .contains(offered.leg());
                assertThat(offered.caller()).contains(PhoneNumber.parse("+442079460000", "test"));
                assertThat(offered.dialled()).isEqualTo(Did.of("7000"));
                assertThat(offered.queueHint()).contains(QueueId.of("billing"));
            });
            assertThat(pbx.published(PbxEvent.AgentSessionOpened.class)).singleElement().satisfies(opened -> {
                assertThat(opened.agent()).isEqualTo(AgentId.of("a17"));
                assertThat(opened.leg()).isEqualTo(LegId.of("fs1/" + SESSION));
            });

            pbx.server.inject(RecordedEvent.custom("switchboard::inbound_call", Map.of("Unique-ID", HELD,
                    "Switchboard-DNID", "7000", "Switchboard-Queue", "billing")).plainWire());
            pbx.server.dropCurrent();
            await(() -> pbx.published(PbxEvent.PbxConnected.class).size() == 2, "reconnected and resynced");

            assertThat(pbx.published(PbxEvent.CallOffered.class)).as("offered once").hasSize(1);
            assertThat(pbx.published(PbxEvent.AgentSessionOpened.class)).as("opened once").hasSize(1);
            assertThat(pbx.server.commands()).filteredOn(c -> c.startsWith("api uuid_getvar " + HELD)).hasSize(2);
        }
    }

    @Test
    void a_known_session_whose_leg_is_gone_after_a_reconnect_is_closed_once() throws Exception {
        try (ConnectionFixture pbx = ConnectionFixture.playing("01-connect-auth-ok.esl.txt")) {
            pbx.server.script("api show channels", channels(row(SESSION, "outbound", "1001", "switchboard_agent_session", "park")));
            pbx.server.script("api uuid_getvar " + SESSION + " switchboard_session", "a17");
            pbx.loggedIn();
            assertThat(pbx.published(PbxEvent.AgentSessionOpened.class)).hasSize(1);

            pbx.server.script("api show channels", "{\"row_count\":0}");
            pbx.server.dropCurrent();
            await(() -> pbx.published(PbxEvent.PbxConnected.class).size() == 2, "reconnected");
            pbx.server.dropCurrent();
            await(() -> pbx.published(PbxEvent.PbxConnected.class).size() == 3, "reconnected again");

            assertThat(pbx.published(PbxEvent.AgentSessionClosed.class)).singleElement()
                    .isEqualTo(new PbxEvent.AgentSessionClosed(ConnectionFixture.PBX,
                            pbx.published(PbxEvent.AgentSessionClosed.class).get(0).at(), AgentId.of("a17"),
                            LegId.of("fs1/" + SESSION)));
            assertThat(pbx.published(PbxEvent.LegHungUp.class)).singleElement()
                    .satisfies(h -> assertThat(h.cause()).isEqualTo(HangupCause.OTHER));
        }
    }

    @Test
    void the_resync_names_the_legs_in_a_conversation_so_a_new_owner_knows_which_caller_talks() throws Exception {
        String caller = "0a0a0a0a-0000-4000-8000-0000000000b1";
        String agent = "0a0a0a0a-0000-4000-8000-0000000000b2";
        String held = "0a0a0a0a-0000-4000-8000-0000000000b3";
        String ringingCaller = "0a0a0a0a-0000-4000-8000-0000000000b4";
        String ringing = "0a0a0a0a-0000-4000-8000-0000000000b5";
        try (ConnectionFixture pbx = ConnectionFixture.playing("01-connect-auth-ok.esl.txt")) {
            pbx.server.script("api show channels", channels(
                    row(caller, "inbound", "+442079460001", "7000", "bridge"),
                    // Quirk 13: the bridged B-leg's call_uuid is its A-leg's uuid
                    row(agent, "outbound", "1001", "1001", "bridge").replace("\"call_uuid\":\"" + agent,
                            "\"call_uuid\":\"" + caller),
                    row(held, "inbound", "+442079460002", "7000", "park"),
                    row(ringingCaller, "inbound", "+442079460003", "7000", "bridge"),
                    row(ringing, "outbound", "1002", "1002", "bridge").replace("\"ACTIVE\"", "\"RINGING\"")
                            .replace("\"call_uuid\":\"" + ringing, "\"call_uuid\":\"" + ringingCaller)));
            pbx.loggedIn();

            await(() -> !pbx.published(PbxEvent.PbxResynced.class).isEmpty(), "the resync");
            PbxEvent.PbxResynced resynced = pbx.published(PbxEvent.PbxResynced.class).get(0);
            assertThat(resynced.liveLegs()).hasSize(5);
            assertThat(resynced.talkingLegs()).containsExactlyInAnyOrder(LegId.of("fs1/" + caller),
                    LegId.of("fs1/" + agent));
        }
    }

    private static String channels(String... rows) {
        return "{\"row_count\":" + rows.length + ",\"rows\":[" + String.join(",", rows) + "]}\n";
    }

    /** A row with the fields of fixture 10's {@code show channels as json}. */
    private static String row(String uuid, String direction, String cidNum, String dest, String application) {
        return "{\"uuid\":\"" + uuid + "\",\"direction\":\"" + direction + "\",\"created\":\"2026-11-24 01:57:30\","
                + "\"created_epoch\":\"1795485450\",\"name\":\"sofia/internal/" + cidNum + "@127.0.0.1\","
                + "\"state\":\"CS_EXECUTE\",\"cid_name\":\"" + cidNum + "\",\"cid_num\":\"" + cidNum + "\","
                + "\"ip_addr\":\"127.0.0.1\",\"dest\":\"" + dest + "\",\"application\":\"" + application + "\","
                + "\"application_data\":\"\",\"dialplan\":\"XML\",\"context\":\"switchboard\",\"read_codec\":\"PCMU\","
                + "\"read_rate\":\"8000\",\"read_bit_rate\":\"64000\",\"write_codec\":\"PCMU\",\"write_rate\":\"8000\","
                + "\"write_bit_rate\":\"64000\",\"secure\":\"\",\"hostname\":\"vm\",\"presence_id\":\"\","
                + "\"presence_data\":\"\",\"accountcode\":\"\",\"callstate\":\"ACTIVE\",\"callee_name\":\"\","
                + "\"callee_num\":\"\",\"callee_direction\":\"\",\"call_uuid\":\"" + uuid + "\",\"sent_callee_name\":\"\","
                + "\"sent_callee_num\":\"\",\"initial_cid_name\":\"" + cidNum + "\",\"initial_cid_num\":\"" + cidNum + "\","
                + "\"initial_ip_addr\":\"127.0.0.1\",\"initial_dest\":\"7000\",\"initial_dialplan\":\"XML\","
                + "\"initial_context\":\"public\"}";
    }
}
