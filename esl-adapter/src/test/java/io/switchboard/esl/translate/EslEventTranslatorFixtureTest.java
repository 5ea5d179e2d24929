package io.switchboard.esl.translate;

import static io.switchboard.esl.translate.FixtureReplay.freshTranslator;
import static io.switchboard.esl.translate.FixtureReplay.summary;
import static io.switchboard.esl.translate.FixtureReplay.translate;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.esl.transcript.EslTranscript;
import io.switchboard.esl.wire.EslFrame;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.List;

/**
 * Every recorded FreeSWITCH 1.10 session, both encodings, through the frame decoder, the event decoder
 * and the translator: what Switchboard's core hears of each scenario.
 */
class EslEventTranslatorFixtureTest {

    static List<String> allFixtures() {
        return EslTranscript.ALL;
    }

    @ParameterizedTest
    @MethodSource("allFixtures")
    void every_message_of_every_fixture_is_cut_and_every_event_decodes(String fixture) {
        List<EslFrame> frames = EslTranscript.read(fixture).receivedFrames();
        long events = frames.stream().filter(EslFrame::isEvent).count();

        assertThat(frames).isNotEmpty();
        assertThat(FixtureReplay.events(fixture)).hasSize((int) events)
                .allSatisfy(e -> assertThat(e.eventName()).isPresent());
    }

    @Test
    void plain_all_one_parked_leg_killed_is_answered_then_hung_up_and_the_rest_is_skipped_by_name() {
        EslEventTranslator translator = freshTranslator();

        assertThat(summary(translate("03-event-plain-all.esl.txt", translator))).containsExactly(
                "LegAnswered 4d5ed8e0 leg=4d5ed8e0",
                "LegHungUp 4d5ed8e0 leg=4d5ed8e0 NORMAL_CLEARING");
        assertThat(translator.skipped()).containsEntry("CHANNEL_STATE", 7L).containsEntry("HEARTBEAT", 1L)
                .containsEntry("CODEC", 2L).doesNotContainKey("BACKGROUND_JOB");
    }

    @Test
    void json_two_legs_bridged_then_killed_and_the_filtered_call() {
        assertThat(summary(translate("04-event-json-filter.esl.txt", freshTranslator()))).containsExactly(
                "LegAnswered adddb01a leg=adddb01a",
                "LegAnswered 4d0e7e64 leg=4d0e7e64",
                "CallConnected adddb01a leg=adddb01a agent=4d0e7e64",
                "LegHungUp 4d0e7e64 leg=4d0e7e64 NORMAL_CLEARING",
                "LegHungUp adddb01a leg=adddb01a NORMAL_CLEARING",
                "LegAnswered c5d3312a leg=c5d3312a",
                "LegHungUp c5d3312a leg=c5d3312a NORMAL_CLEARING");
    }

    @Test
    void inbound_sip_caller_parked_agent_rings_answers_is_bridged_and_both_hang_up() {
        // The caller's channel carries Channel-Presence-ID sipp@127.0.0.1: that phone is in use until it hangs up.
        assertThat(summary(translate("05-inbound-sip-park-bridge.esl.txt", freshTranslator()))).containsExactly(
                "AgentDeviceStateChanged user/sipp@127.0.0.1 IN_USE",
                "LegAnswered 1878cc05 leg=1878cc05",
                "LegRinging 61cb6dfa leg=61cb6dfa",
                "LegAnswered 61cb6dfa leg=61cb6dfa",
                "CallConnected 1878cc05 leg=1878cc05 agent=61cb6dfa",
                "LegHungUp 1878cc05 leg=1878cc05 NORMAL_CLEARING",
                "AgentDeviceStateChanged user/sipp@127.0.0.1 IDLE",
                "LegHungUp 61cb6dfa leg=61cb6dfa NORMAL_CLEARING");
    }

    @Test
    void failed_originates_name_their_cause_and_jobs_without_origination_uuid_are_skipped() {
        EslEventTranslator translator = freshTranslator();

        assertThat(summary(translate("06-agent-busy-noanswer-failures.esl.txt", translator))).containsExactly(
                "LegHungUp 80275f48 leg=80275f48 USER_BUSY",
                "OriginateFailed 80275f48 USER_BUSY",
                "LegRinging bec0bd85 leg=bec0bd85",
                "LegHungUp bec0bd85 leg=bec0bd85 NO_ANSWER",
                "OriginateFailed bec0bd85 NO_ANSWER",
                "LegHungUp c60eac0b leg=c60eac0b NORMAL_TEMPORARY_FAILURE",
                "OriginateFailed c60eac0b NORMAL_TEMPORARY_FAILURE");
        assertThat(translator.skipped()).containsEntry("BACKGROUND_JOB without call", 2L);
    }

    @Test
    void a_nailed_agent_takes_two_dialer_calls_and_keeps_one_leg_and_call_throughout() {
        assertThat(summary(translate("07-outbound-dialer-nailed-agent.esl.txt", freshTranslator()))).containsExactly(
                "LegAnswered 7b4824ec leg=7b4824ec",
                "LegRinging 7ed41449 leg=7ed41449",
                "LegAnswered 7ed41449 leg=7ed41449",
                "CallConnected 7ed41449 leg=7ed41449 agent=7b4824ec",
                "LegHungUp 7ed41449 leg=7ed41449 NORMAL_CLEARING",
                "LegRinging 6325b8dd leg=6325b8dd",
                "LegAnswered 6325b8dd leg=6325b8dd",
                "CallConnected 6325b8dd leg=6325b8dd agent=7b4824ec",
                "LegHungUp 6325b8dd leg=6325b8dd NORMAL_CLEARING",
                "LegHungUp 7b4824ec leg=7b4824ec NORMAL_CLEARING");
    }

    @Test
    void transfers_recording_and_eavesdrop_add_no_core_events_and_the_rejected_caller_says_so() {
        assertThat(summary(translate("08-transfer-kill-record-eavesdrop.esl.txt", freshTranslator()))).containsExactly(
                "AgentDeviceStateChanged user/sipp@127.0.0.1 IN_USE",
                "LegAnswered f53080f8 leg=f53080f8",
                "LegHungUp f53080f8 leg=f53080f8 CALL_REJECTED",
                "AgentDeviceStateChanged user/sipp@127.0.0.1 IDLE",
                "LegAnswered 951ae0cb leg=951ae0cb",
                "LegAnswered cd55ff31 leg=cd55ff31",
                "CallConnected 951ae0cb leg=951ae0cb agent=cd55ff31",
                "LegAnswered 8c37bbfe leg=8c37bbfe",
                "LegHungUp 8c37bbfe leg=8c37bbfe NORMAL_CLEARING",
                "LegHungUp 951ae0cb leg=951ae0cb NORMAL_CLEARING",
                "LegHungUp cd55ff31 leg=cd55ff31 NORMAL_CLEARING");
    }

    @Test
    void callcenter_custom_events_are_skipped_by_subclass_until_a_translator_is_registered() {
        EslEventTranslator translator = freshTranslator();

        assertThat(summary(translate("09-callcenter-queue-member-agent.esl.txt", translator))).containsExactly(
                "AgentDeviceStateChanged user/sipp@127.0.0.1 IN_USE",
                "LegAnswered 15dd707d leg=15dd707d",
                "LegAnswered fe558677 leg=fe558677",
                "CallConnected 15dd707d leg=15dd707d agent=fe558677",
                "LegHungUp 15dd707d leg=15dd707d NORMAL_CLEARING",
                "AgentDeviceStateChanged user/sipp@127.0.0.1 IDLE",
                "LegHungUp fe558677 leg=fe558677 NORMAL_CLEARING");
        assertThat(translator.skipped()).containsEntry("CUSTOM/callcenter::info", 14L);
    }

    @Test
    void shutdown_disconnects_and_the_calls_it_kills_are_hung_up_with_a_cause_core_does_not_know() {
        assertThat(summary(translate("10-api-misc-sendmsg-log-shutdown.esl.txt", freshTranslator()))).containsExactly(
                "LegHungUp d474d77c leg=d474d77c NORMAL_CLEARING",
                "PbxDisconnected FreeSWITCH is shutting down",
                "LegHungUp 30e23379 leg=30e23379 OTHER",
                "LegHungUp 595c6169 leg=595c6169 OTHER");
    }
}
