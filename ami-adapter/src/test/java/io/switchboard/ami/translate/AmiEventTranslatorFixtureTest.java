package io.switchboard.ami.translate;

import io.switchboard.core.call.AmdResult;
import io.switchboard.core.call.Did;
import io.switchboard.core.call.HangupCause;
import io.switchboard.core.call.HoldReason;
import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.event.PbxEvent.AnsweringMachineDetected;
import io.switchboard.core.event.PbxEvent.CallConnected;
import io.switchboard.core.event.PbxEvent.CallOffered;
import io.switchboard.core.event.PbxEvent.CallReturnedToHold;
import io.switchboard.core.event.PbxEvent.LegAnswered;
import io.switchboard.core.event.PbxEvent.LegHungUp;
import io.switchboard.core.event.PbxEvent.LegRinging;
import io.switchboard.core.event.PbxEvent.MachineMessageLeft;
import io.switchboard.core.event.PbxEvent.OriginateFailed;
import io.switchboard.core.event.PbxEvent.PbxConnected;
import io.switchboard.core.event.PbxEvent.PbxDisconnected;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.tuple;

/** Every recorded Asterisk 20 session, through Asterisk-Java's event builder and the translator. */
class AmiEventTranslatorFixtureTest {

    @TestFactory
    Stream<DynamicTest> every_fixture_translates_without_exceptions_and_reports_what_it_skipped() {
        return AmiTranscripts.all().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            Replay[] replay = new Replay[1];
            assertThatCode(() -> replay[0] = Replay.of(file.getFileName().toString())).doesNotThrowAnyException();
            int sent = AmiTranscripts.eventMessages(file).size();
            int built = AmiTranscripts.events(file).size();
            assertThat(replay[0].translator().seen()).isEqualTo(built);
            System.out.printf("%s: %d events on the wire, %d built by Asterisk-Java, %d core events, skipped %s%n",
                    file.getFileName(), sent, built, replay[0].events().size(), replay[0].translator().skipped());
        }));
    }

    @Test
    void an_inbound_sip_caller_named_sipp_is_offered_without_a_caller_number_and_with_dnid_100() {
        Replay replay = Replay.of("11-inbound-sip-hold-redirect.ami.txt");

        assertThat(replay.only(CallOffered.class)).singleElement().satisfies(offered -> {
            assertThat(offered.call()).isEqualTo(CallId.of("pbx1/1795485637.0"));
            assertThat(offered.caller()).isEmpty();
            assertThat(offered.dialled()).isEqualTo(Did.of("100"));
            assertThat(offered.dialledNumber()).contains(PhoneNumber.parse("100", "DE", "dnid"));
            assertThat(offered.queueHint()).isEmpty();
        });
    }

    @Test
    void an_internal_dnid_that_is_no_phone_number_in_the_configured_region_is_still_offered() {
        Replay replay = Replay.of("11-inbound-sip-hold-redirect.ami.txt", "GB");

        assertThat(replay.only(CallOffered.class)).singleElement().satisfies(offered -> {
            assertThat(offered.dialled()).isEqualTo(Did.of("100"));
            assertThat(offered.dialledNumber()).isEmpty();
        });
        assertThat(replay.translator().skipped()).doesNotContainKey("UserEvent:InboundCall(DNID not a phone number)");
    }

    @Test
    void a_held_local_caller_without_a_dnid_is_offered_as_dialling_s() {
        Replay replay = Replay.of("05-hold-redirect-agent-answers.ami.txt");

        assertThat(replay.only(CallOffered.class)).singleElement()
                .satisfies(offered -> assertThat(offered.dialled()).isEqualTo(Did.of("s")));
    }

    @Test
    void an_agent_who_does_not_answer_rings_then_fails_with_no_answer_and_the_caller_stays_on_hold() {
        Replay replay = Replay.of("06-hold-redirect-agent-noanswer.ami.txt");
        CallId call = CallId.of("pbx1/1795485524.1");

        assertThat(replay.only(LegRinging.class)).extracting(LegRinging::call).containsExactly(call);
        assertThat(replay.only(LegHungUp.class)).extracting(LegHungUp::call, LegHungUp::cause)
                .containsExactly(tuple(call, HangupCause.NO_ANSWER),
                        tuple(call, HangupCause.OTHER));
        assertThat(replay.only(LegHungUp.class).get(0).leg()).isNotEqualTo(replay.only(LegHungUp.class).get(1).leg());
    }

    @Test
    void a_busy_agent_fails_with_user_busy_once_even_though_its_channel_hangs_up_later() {
        Replay replay = Replay.of("07-hold-redirect-agent-busy.ami.txt");

        assertThat(replay.only(LegHungUp.class)).extracting(LegHungUp::cause)
                .containsExactly(HangupCause.USER_BUSY, HangupCause.OTHER);
    }

    @Test
    void a_caller_whose_agent_did_not_answer_is_back_on_hold_for_no_answer_naming_the_agent_leg() {
        Replay replay = Replay.of("06-hold-redirect-agent-noanswer.ami.txt");

        assertThat(replay.only(CallReturnedToHold.class)).singleElement().satisfies(back -> {
            assertThat(back.call()).isEqualTo(CallId.of("pbx1/1795485524.1"));
            assertThat(back.reason()).isEqualTo(HoldReason.NO_ANSWER);
            assertThat(back.leg()).contains(replay.only(LegHungUp.class).get(0).leg());
        });
        assertThat(replay.only(CallOffered.class)).hasSize(1);
    }

    @Test
    void a_caller_whose_agent_was_busy_is_back_on_hold_for_busy() {
        assertThat(Replay.of("07-hold-redirect-agent-busy.ami.txt").only(CallReturnedToHold.class))
                .extracting(CallReturnedToHold::reason).containsExactly(HoldReason.BUSY);
    }

    @Test
    void a_caller_held_once_is_never_reported_back_on_hold() {
        for (String file : List.of("05-hold-redirect-agent-answers.ami.txt", "11-inbound-sip-hold-redirect.ami.txt")) {
            assertThat(Replay.of(file).only(CallReturnedToHold.class)).as(file).isEmpty();
        }
    }

    @Test
    void a_held_caller_is_connected_once_to_the_agent_phone_it_dialled_when_both_are_bridged() {
        Replay replay = Replay.of("05-hold-redirect-agent-answers.ami.txt");

        assertThat(replay.only(CallConnected.class)).singleElement().satisfies(connected -> {
            assertThat(connected.call()).isEqualTo(CallId.of("pbx1/1795485503.1"));
            assertThat(connected.leg()).isEqualTo(LegId.of("pbx1/1795485503.1"));
            assertThat(connected.agentLeg()).isEqualTo(LegId.of("pbx1/1795485505.2"));
        });
    }

    @Test
    void an_inbound_sip_caller_is_connected_once_to_the_agent() {
        assertThat(Replay.of("11-inbound-sip-hold-redirect.ami.txt").only(CallConnected.class)).singleElement()
                .satisfies(connected -> {
                    assertThat(connected.call()).isEqualTo(CallId.of("pbx1/1795485637.0"));
                    assertThat(connected.leg()).isEqualTo(LegId.of("pbx1/1795485637.0"));
                });
    }

    @Test
    void a_held_caller_joined_to_a_nailed_up_agent_s_conference_is_connected_to_the_agent_s_session_leg() {
        assertThat(Replay.of("08-nailed-agent-confbridge.ami.txt").only(CallConnected.class)).singleElement()
                .satisfies(connected -> {
                    assertThat(connected.leg()).isEqualTo(LegId.of("pbx1/1795485565.5"));
                    assertThat(connected.agentLeg()).isEqualTo(LegId.of("pbx1/1795485562.0"));
                });
    }

    @Test
    void a_human_answering_an_outbound_call_is_connected_to_the_nailed_up_agent() {
        assertThat(Replay.of("10c-outbound-amd-human.ami.txt").only(CallConnected.class)).singleElement()
                .satisfies(connected -> {
                    assertThat(connected.call()).isEqualTo(CallId.of("pbx1/1795486140.4"));
                    assertThat(connected.agentLeg()).isEqualTo(LegId.of("pbx1/1795486139.0"));
                });
    }

    @Test
    void no_call_is_connected_when_the_agent_fails_or_a_machine_answers() {
        for (String file : List.of("06-hold-redirect-agent-noanswer.ami.txt", "07-hold-redirect-agent-busy.ami.txt",
                "10b-outbound-amd-machine.ami.txt")) {
            assertThat(Replay.of(file).only(CallConnected.class)).as(file).isEmpty();
        }
    }

    @Test
    void each_failed_originate_is_named_by_its_action_id_and_says_why() {
        Replay replay = Replay.of("09-originate-failures.ami.txt");

        assertThat(replay.only(OriginateFailed.class)).extracting(f -> f.call().value(), OriginateFailed::cause)
                .containsExactly(
                        tuple("orig-nolisten", HangupCause.NO_ANSWER),
                        tuple("orig-busy", HangupCause.USER_BUSY),
                        tuple("orig-noanswer", HangupCause.NO_ANSWER),
                        tuple("orig-noexten", HangupCause.OTHER));
    }

    @Test
    void an_originate_with_a_channel_id_fails_under_the_call_id_switchboard_chose() {
        Replay replay = Replay.of("09b-originate-with-channelid.ami.txt");

        assertThat(replay.only(OriginateFailed.class)).singleElement().satisfies(failed -> {
            assertThat(failed.call()).isEqualTo(CallId.of("pbx1/cti-call-0002"));
            assertThat(failed.cause()).isEqualTo(HangupCause.USER_BUSY);
        });
    }

    /**
     * Quirk 29: the customer's OriginateResponse comes before Newstate Up (10, 10d) or after it (10b, 10c); the
     * Originate's own DialEnd ANSWER (Quirk 18), 9 µs after Newstate Up, reports each answered leg once, and
     * long before the AMD verdict.
     */
    @Test
    void each_originated_leg_is_answered_once_wherever_its_originate_response_falls_and_before_amd() {
        Map<String, List<String>> agentAndCustomer = Map.of(
                "10-outbound-sip-amd-to-agent.ami.txt", List.of("pbx1/1795485624.0", "pbx1/1795485626.4"),
                "10b-outbound-amd-machine.ami.txt", List.of("pbx1/1795486126.0", "pbx1/1795486128.4"),
                "10c-outbound-amd-human.ami.txt", List.of("pbx1/1795486139.0", "pbx1/1795486140.4"),
                "10d-outbound-amd-notsure-no-rtp.ami.txt", List.of("pbx1/1795486154.0", "pbx1/1795486156.4"));
        agentAndCustomer.forEach((file, calls) -> {
            Replay replay = Replay.of(file);
            List<LegAnswered> answered = replay.only(LegAnswered.class);

            assertThat(answered).as(file).extracting(a -> a.call().value() + " " + a.leg().value())
                    .containsExactly(calls.get(0) + " " + calls.get(0), calls.get(1) + " " + calls.get(1));
            AnsweringMachineDetected amd = replay.only(AnsweringMachineDetected.class).get(0);
            assertThat(replay.events().indexOf(answered.get(1))).as(file).isLessThan(replay.events().indexOf(amd));
            assertThat(answered.get(1).at()).as(file).isBefore(amd.at());
        });
    }

    @Test
    void an_outbound_answer_is_reported_at_the_moment_the_customer_s_channel_went_up() {
        LegAnswered customer = Replay.of("10-outbound-sip-amd-to-agent.ami.txt").only(LegAnswered.class).get(1);

        assertThat(customer.at()).isEqualTo(Instant.ofEpochSecond(1795485626, 265_111_000));
    }

    @Test
    void an_originate_with_a_channel_id_is_answered_once_and_a_failed_one_never() {
        assertThat(Replay.of("09b-originate-with-channelid.ami.txt").only(LegAnswered.class))
                .extracting(a -> a.call().value() + " " + a.leg().value())
                .containsExactly("pbx1/cti-call-0001 pbx1/cti-call-0001");
    }

    @Test
    void a_message_left_on_a_machine_follows_the_machine_verdict_on_the_same_customer_leg() {
        Replay replay = Replay.of("10b-outbound-amd-machine.ami.txt");

        assertThat(replay.events()).filteredOn(e -> e instanceof AnsweringMachineDetected || e instanceof MachineMessageLeft)
                .extracting(e -> e.getClass().getSimpleName())
                .containsExactly("AnsweringMachineDetected", "MachineMessageLeft");
        assertThat(replay.only(MachineMessageLeft.class)).singleElement().satisfies(left -> {
            assertThat(left.call()).isEqualTo(CallId.of("pbx1/1795486128.4"));
            assertThat(left.leg()).isEqualTo(replay.only(AnsweringMachineDetected.class).get(0).leg());
            assertThat(left.at()).isEqualTo(Instant.parse("2026-11-24T02:08:52.832239Z"));
        });
        assertThat(replay.translator().skipped()).doesNotContainKeys("UserEvent:AmdMessageLeftEvent",
                "UserEvent:AMDMessageLeft(unknown channel)");
    }

    @Test
    void answering_machine_detection_reports_machine_human_and_not_sure() {
        assertThat(amd("10b-outbound-amd-machine.ami.txt")).containsExactly(AmdResult.MACHINE);
        assertThat(amd("10c-outbound-amd-human.ami.txt")).containsExactly(AmdResult.HUMAN);
        assertThat(amd("10d-outbound-amd-notsure-no-rtp.ami.txt")).containsExactly(AmdResult.NOTSURE);
        assertThat(amd("10-outbound-sip-amd-to-agent.ami.txt")).containsExactly(AmdResult.NOTSURE);
    }

    @Test
    void the_amd_verdict_belongs_to_the_originated_sip_call() {
        Replay replay = Replay.of("10b-outbound-amd-machine.ami.txt");

        assertThat(replay.only(AnsweringMachineDetected.class)).singleElement()
                .satisfies(amd -> assertThat(amd.call()).isEqualTo(CallId.of("pbx1/1795486128.4")));
    }

    @Test
    void a_shutdown_is_left_to_the_connection_which_reports_it_as_pbx_disconnected_once() {
        Replay replay = Replay.of("14-misc-actions-and-shutdown.ami.txt");

        assertThat(replay.only(PbxDisconnected.class)).isEmpty();
        assertThat(replay.only(PbxConnected.class)).isEmpty();
        assertThat(replay.translator().skipped()).doesNotContainKey("Shutdown");
    }

    @Test
    void a_session_that_ends_with_all_calls_hung_up_leaves_no_live_channels() {
        for (String file : List.of("05-hold-redirect-agent-answers.ami.txt", "08b-agent-customer-ami-bridge.ami.txt",
                "11-inbound-sip-hold-redirect.ami.txt", "13-mixmonitor-chanspy.ami.txt")) {
            assertThat(Replay.of(file).registry().liveChannels()).as(file).isEmpty();
        }
    }

    private static List<AmdResult> amd(String file) {
        return Replay.of(file).only(AnsweringMachineDetected.class).stream()
                .map(AnsweringMachineDetected::result).toList();
    }
}
