package io.switchboard.esl.translate;

import io.switchboard.esl.EslEventHeaders;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.switchboard.esl.translate.FixtureReplay.events;
import static io.switchboard.esl.translate.FixtureReplay.freshTranslator;
import static io.switchboard.esl.translate.FixtureReplay.summary;
import static org.assertj.core.api.Assertions.assertThat;

/** A phone's state from its channels' {@code Channel-Presence-ID} (FreeSWITCH sends no device-state event). */
class PhoneStatesTest {

    @Test
    void the_recorded_caller_phone_is_in_use_from_its_channel_create_to_its_hangup_once_each() {
        // Fixture 05: sofia/internal/sipp@127.0.0.1:15063 calls in; CHANNEL_HANGUP then HANGUP_COMPLETE end it.
        List<String> device = summary(translateAll("05-inbound-sip-park-bridge.esl.txt")).stream()
                .filter(line -> line.startsWith("AgentDeviceStateChanged")).toList();

        assertThat(device).containsExactly("AgentDeviceStateChanged user/sipp@127.0.0.1 IN_USE",
                "AgentDeviceStateChanged user/sipp@127.0.0.1 IDLE");
    }

    @Test
    void channels_without_a_presence_id_dialled_by_address_or_null_are_nobodys_phone() {
        // Fixtures 06 and 07: agents dialled as sofia/internal/agent1@127.0.0.1:15070 and null/agent1.
        for (String fixture : List.of("06-agent-busy-noanswer-failures.esl.txt", "07-outbound-dialer-nailed-agent.esl.txt")) {
            assertThat(summary(translateAll(fixture))).as(fixture)
                    .noneMatch(line -> line.startsWith("AgentDeviceStateChanged"));
        }
    }

    @Test
    void a_call_to_the_phone_rings_it_its_answer_uses_it_and_a_second_call_keeps_it_in_use_until_both_end() {
        EslEventTranslator translator = freshTranslator();
        List<String> lines = new ArrayList<>();
        for (EslEventHeaders event : List.of(
                channel("CHANNEL_CREATE", "u1", "outbound", "1001@default"),
                channel("CHANNEL_PROGRESS", "u1", "outbound", "1001@default"),
                channel("CHANNEL_ANSWER", "u1", "outbound", "1001@default"),
                channel("CHANNEL_CREATE", "u2", "inbound", "1001@default"),
                channel("CHANNEL_HANGUP", "u1", "outbound", "1001@default"),
                channel("CHANNEL_HANGUP_COMPLETE", "u1", "outbound", "1001@default"),
                channel("CHANNEL_HANGUP", "u2", "inbound", "1001@default"),
                channel("CHANNEL_CREATE", "u3", "outbound", "1002@default"),
                channel("CHANNEL_HANGUP_COMPLETE", "u3", "outbound", "1002@default"))) {
            translator.translate(event).forEach(e -> lines.add(summary(List.of(e)).get(0)));
        }

        assertThat(lines).filteredOn(line -> line.startsWith("AgentDeviceStateChanged")).containsExactly(
                "AgentDeviceStateChanged user/1001@default RINGING",
                "AgentDeviceStateChanged user/1001@default IN_USE",
                "AgentDeviceStateChanged user/1001@default IDLE",
                "AgentDeviceStateChanged user/1002@default RINGING",
                "AgentDeviceStateChanged user/1002@default IDLE");
    }

    @Test
    void a_call_the_phone_places_uses_it_from_the_start() {
        EslEventTranslator translator = freshTranslator();

        assertThat(summary(translator.translate(channel("CHANNEL_CREATE", "p1", "inbound", "1003@default"))))
                .containsExactly("AgentDeviceStateChanged user/1003@default IN_USE");
        assertThat(summary(translator.translate(channel("CHANNEL_ANSWER", "p1", "inbound", "1003@default"))))
                .noneMatch(line -> line.startsWith("AgentDeviceStateChanged"));
    }

    private static List<io.switchboard.core.event.PbxEvent> translateAll(String fixture) {
        EslEventTranslator translator = freshTranslator();
        List<io.switchboard.core.event.PbxEvent> out = new ArrayList<>();
        events(fixture).forEach(e -> out.addAll(translator.translate(e)));
        return out;
    }

    private static EslEventHeaders channel(String name, String uuid, String direction, String presence) {
        return EslEventHeaders.parse("Event-Name: " + name + "\nUnique-ID: " + uuid + "\nCall-Direction: "
                + direction + "\nChannel-Presence-ID: " + presence.replace("@", "%40") + "\n");
    }
}
