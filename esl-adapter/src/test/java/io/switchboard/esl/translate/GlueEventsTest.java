package io.switchboard.esl.translate;

import io.switchboard.core.call.AmdResult;
import io.switchboard.core.call.Did;
import io.switchboard.core.call.HangupCause;
import io.switchboard.core.call.HoldReason;
import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.event.PbxEvent;
import io.switchboard.core.event.SafeHarbourReason;
import io.switchboard.core.event.TransferTarget;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;
import io.switchboard.core.id.QueueId;
import io.switchboard.esl.EslEventHeaders;
import io.switchboard.esl.transcript.RecordedEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The glue's CUSTOM events, built as FreeSWITCH 1.10 sends them (never recorded: see {@link RecordedEvent}),
 * through the translator a connection uses.
 */
class GlueEventsTest {

    private static final String FIXTURE = "05-inbound-sip-park-bridge.esl.txt";
    private static final String CALLER = "c0ffee00-0000-4000-8000-000000000001";
    private static final String AGENT_PHONE = "c0ffee00-0000-4000-8000-000000000002";
    private static final String SESSION = "c0ffee00-0000-4000-8000-000000000003";
    private static final String CUSTOMER = "c0ffee00-0000-4000-8000-00000000000c";
    private static final LegId CHOSEN = LegId.of("fs1/agent-leg-7");

    private final EslChannels channels = new EslChannels(FixtureReplay.PBX);
    private final GlueEvents glue = new GlueEvents("GB");
    private final EslEventTranslator translator = new EslEventTranslator(channels, glue.translators(),
            job -> Optional.empty(), Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));

    @Test
    void an_inbound_call_is_offered_once_with_caller_did_and_queue_in_either_encoding() {
        RecordedEvent announce = inboundCall();
        assertThat(announce.plainBody()).contains("Event-Subclass: switchboard%3A%3Ainbound_call\n")
                .contains("Caller-Caller-ID-Number: 02079460000\n");

        List<PbxEvent> plain = translate(announce.plain(), announce.plain(), onHold("NEW").plain());
        List<PbxEvent> json = new EslEventTranslator(new EslChannels(FixtureReplay.PBX), glue.translators(),
                job -> Optional.empty(), Clock.systemUTC()).translate(announce.json());

        assertThat(plain).singleElement().isInstanceOfSatisfying(PbxEvent.CallOffered.class, offered -> {
            assertThat(offered.call()).isEqualTo(CallId.of("fs1/" + CALLER));
            assertThat(offered.leg()).isEqualTo(LegId.of("fs1/" + CALLER));
            assertThat(offered.caller()).contains(PhoneNumber.parse("+442079460000", "test"));
            assertThat(offered.dialled()).isEqualTo(Did.of("7000"));
            assertThat(offered.queueHint()).contains(QueueId.of("billing"));
        });
        assertThat(json).isEqualTo(plain);
    }

    @Test
    void a_first_hold_with_reason_new_offers_a_caller_whose_inbound_call_was_missed() {
        assertThat(translate(onHold("NEW").plain())).singleElement().isInstanceOf(PbxEvent.CallOffered.class);
        assertThat(translate(onHold("NEW").plain())).isEmpty();
    }

    @Test
    void the_agent_leg_the_glue_bridges_carries_the_id_call_control_chose_from_ringing_to_connection() {
        translate(inboundCall().plain());
        channels.expectAgentLeg(channels.callOf(CALLER), CHOSEN);

        List<PbxEvent> out = translate(agentLegCreated(), agentLeg("CHANNEL_PROGRESS"), agentLeg("CHANNEL_ANSWER"),
                bridge(CALLER, AGENT_PHONE));

        CallId call = channels.callOf(CALLER);
        assertThat(out).containsExactly(new PbxEvent.LegRinging(FixtureReplay.PBX, at(agentLeg("CHANNEL_PROGRESS")), call, CHOSEN),
                new PbxEvent.LegAnswered(FixtureReplay.PBX, at(agentLeg("CHANNEL_ANSWER")), call, CHOSEN),
                new PbxEvent.CallConnected(FixtureReplay.PBX, at(bridge(CALLER, AGENT_PHONE)), call,
                        channels.legOf(CALLER), CHOSEN));
        assertThat(channels.uuidOf(CHOSEN)).contains(AGENT_PHONE);
    }

    @Test
    void an_agent_leg_whose_create_did_not_name_its_originator_takes_the_chosen_id_on_its_first_event_that_does() {
        translate(inboundCall().plain());
        channels.expectAgentLeg(channels.callOf(CALLER), CHOSEN);
        EslEventHeaders ringing = RecordedEvent.from(FIXTURE, "CHANNEL_PROGRESS", "Call-Direction", "outbound")
                .set("Unique-ID", AGENT_PHONE).set("Other-Type", "originator").set("Other-Leg-Unique-ID", CALLER).plain();

        List<PbxEvent> out = translate(agentLeg("CHANNEL_CREATE"), ringing);

        assertThat(out).singleElement().isEqualTo(new PbxEvent.LegRinging(FixtureReplay.PBX, at(ringing),
                channels.callOf(CALLER), CHOSEN));
    }

    @Test
    void an_expectation_for_a_call_without_a_live_channel_is_not_kept() {
        channels.expectAgentLeg(CallId.of("fs1/nobody"), CHOSEN);
        assertThat(channels.agentLegs().expects(CallId.of("fs1/nobody"))).isFalse();
    }

    @Test
    void a_busy_agent_phone_hangs_up_under_the_chosen_id_and_the_caller_returns_to_hold_naming_it() {
        translate(inboundCall().plain());
        channels.expectAgentLeg(channels.callOf(CALLER), CHOSEN);
        EslEventHeaders busy = RecordedEvent.from(FIXTURE, "CHANNEL_HANGUP_COMPLETE", "Call-Direction", "outbound")
                .set("Unique-ID", AGENT_PHONE).set("Hangup-Cause", "USER_BUSY").plain();

        List<PbxEvent> out = translate(agentLegCreated(), busy, dialResult("USER_BUSY").plain(), onHold("USER_BUSY").plain());

        assertThat(out).extracting(e -> e.getClass().getSimpleName()).containsExactly("LegHungUp", "CallReturnedToHold");
        assertThat(((PbxEvent.LegHungUp) out.get(0)).leg()).isEqualTo(CHOSEN);
        assertThat(((PbxEvent.LegHungUp) out.get(0)).cause()).isEqualTo(HangupCause.USER_BUSY);
        assertThat((PbxEvent.CallReturnedToHold) out.get(1)).satisfies(back -> {
            assertThat(back.call()).isEqualTo(channels.callOf(CALLER));
            assertThat(back.reason()).isEqualTo(HoldReason.BUSY);
            assertThat(back.leg()).contains(CHOSEN);
        });
    }

    @Test
    void a_ring_that_never_made_a_channel_still_names_the_chosen_leg_and_a_withdrawn_one_names_nothing() {
        translate(inboundCall().plain());
        channels.expectAgentLeg(channels.callOf(CALLER), CHOSEN);
        assertThat(translate(onHold("USER_NOT_REGISTERED").plain())).singleElement()
                .isEqualTo(new PbxEvent.CallReturnedToHold(FixtureReplay.PBX, at(onHold("X").plain()),
                        channels.callOf(CALLER), Optional.of(CHOSEN), HoldReason.UNAVAILABLE));

        channels.expectAgentLeg(channels.callOf(CALLER), CHOSEN);
        channels.withdrawAgentLeg(channels.callOf(CALLER), CHOSEN);
        assertThat(translate(onHold("NO_ANSWER").plain())).singleElement()
                .satisfies(e -> assertThat(((PbxEvent.CallReturnedToHold) e).leg()).isEmpty());
    }

    @Test
    void a_hold_without_reason_after_a_failed_dial_result_returns_with_the_dial_disposition() {
        translate(inboundCall().plain());
        List<PbxEvent> out = translate(dialResult("NO_ANSWER").plain(), onHold("").plain());
        assertThat(out).singleElement().satisfies(e ->
                assertThat(((PbxEvent.CallReturnedToHold) e).reason()).isEqualTo(HoldReason.NO_ANSWER));
    }

    @ParameterizedTest
    @CsvSource({"NO_ANSWER,NO_ANSWER", "NO_USER_RESPONSE,NO_ANSWER", "USER_BUSY,BUSY", "CALL_REJECTED,BUSY",
            "UNALLOCATED_NUMBER,UNAVAILABLE", "NORMAL_TEMPORARY_FAILURE,UNAVAILABLE", "NORMAL_CIRCUIT_CONGESTION,CONGESTION",
            "INVALIDARGS,NO_DEVICE", "NOAGENT,NO_AGENT", "AGENTLEFT,AGENT_LEFT", "HOLD,REQUESTED", "TRANSFER,REQUESTED",
            "NOTRANSFERCONTEXT,OTHER", "CALLBACK,CALLBACK"})
    void freeswitch_dispositions_and_glue_reasons_map_to_hold_reasons(String reason, HoldReason expected) {
        translate(inboundCall().plain());
        assertThat(translate(onHold(reason).plain())).singleElement().satisfies(e ->
                assertThat(((PbxEvent.CallReturnedToHold) e).reason()).isEqualTo(expected));
    }


    @Test
    void a_caller_back_from_a_wait_announcement_reports_nothing() {
        translate(inboundCall().plain());

        assertThat(translate(onHold("ANNOUNCED").plain())).isEmpty();
    }

    @Test
    void a_nailed_session_opens_once_takes_callers_under_its_own_leg_and_closes_once_when_its_leg_hangs_up() {
        LegId sessionLeg = channels.legOf(SESSION);
        EslEventHeaders started = sessionEvent("switchboard::agent_session_started").plain();
        EslEventHeaders hangup = RecordedEvent.from(FIXTURE, "CHANNEL_HANGUP_COMPLETE", "Call-Direction", "outbound")
                .set("Unique-ID", SESSION).set("variable_switchboard_session", "a17").plain();

        List<PbxEvent> out = translate(started, started, inboundCall().plain(), bridge(CALLER, SESSION), hangup, hangup);

        assertThat(out).extracting(e -> e.getClass().getSimpleName()).containsExactly("AgentSessionOpened",
                "CallOffered", "CallConnected", "LegHungUp", "AgentSessionClosed");
        assertThat(out.get(0)).isEqualTo(new PbxEvent.AgentSessionOpened(FixtureReplay.PBX, at(started), AgentId.of("a17"), sessionLeg));
        assertThat(((PbxEvent.CallConnected) out.get(2)).agentLeg()).isEqualTo(sessionLeg);
        assertThat(out.get(4)).isEqualTo(new PbxEvent.AgentSessionClosed(FixtureReplay.PBX, at(hangup), AgentId.of("a17"), sessionLeg));
    }

    @Test
    void a_session_leg_bridged_first_is_still_the_agent_leg() {
        translate(sessionEvent("switchboard::agent_session_started").plain(), inboundCall().plain());
        assertThat(translate(bridge(SESSION, CALLER))).singleElement().isInstanceOfSatisfying(PbxEvent.CallConnected.class, c -> {
            assertThat(c.leg()).isEqualTo(channels.legOf(CALLER));
            assertThat(c.agentLeg()).isEqualTo(channels.legOf(SESSION));
        });
    }

    @Test
    void a_session_leg_hanging_up_closes_its_session_even_when_the_start_was_missed() {
        EslEventHeaders hangup = RecordedEvent.from(FIXTURE, "CHANNEL_HANGUP_COMPLETE", "Call-Direction", "outbound")
                .set("Unique-ID", SESSION).set("variable_switchboard_session", "a17").plain();
        assertThat(translate(hangup)).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("LegHungUp", "AgentSessionClosed");
    }

    @Test
    void feature_code_logins_and_logouts_say_whether_the_agent_is_nailed() {
        List<PbxEvent> out = translate(
                custom("switchboard::agent_login", "Switchboard-Agent", "a17", "Switchboard-Device", "user/1001@pbx",
                        "Switchboard-Mode", "nailed").plain(),
                custom("switchboard::agent_login", "Switchboard-Agent", "a18", "Switchboard-Device", "user/1002@pbx",
                        "Switchboard-Mode", "ondemand").json(),
                custom("switchboard::agent_logout", "Switchboard-Agent", "a17", "Switchboard-Device", "user/1001@pbx").plain());

        Instant at = out.get(0).at();
        assertThat(out).containsExactly(
                new PbxEvent.AgentLoggedIn(FixtureReplay.PBX, at, AgentId.of("a17"), "user/1001@pbx", true),
                new PbxEvent.AgentLoggedIn(FixtureReplay.PBX, at, AgentId.of("a18"), "user/1002@pbx", false),
                new PbxEvent.AgentLoggedOut(FixtureReplay.PBX, at, AgentId.of("a17"), "user/1001@pbx"));
    }

    @ParameterizedTest
    @CsvSource({"HUMAN,HUMAN", "MACHINE,MACHINE", "NOTSURE,NOTSURE", "NOTBUILT,NOTSURE"})
    void answering_machine_detection_reports_on_the_outbound_leg_and_notbuilt_is_not_sure(String status, AmdResult expected) {
        String customer = "c0ffee00-0000-4000-8000-00000000000c";
        List<PbxEvent> out = translate(custom("switchboard::amd", "Unique-ID", customer, "Call-Direction", "outbound",
                "Switchboard-Status", status, "Switchboard-Cause", "", "Switchboard-Task", "t1").plain());
        assertThat(out).singleElement().isEqualTo(new PbxEvent.AnsweringMachineDetected(FixtureReplay.PBX, out.get(0).at(),
                channels.callOf(customer), channels.legOf(customer), expected));
    }

    @ParameterizedTest
    @CsvSource({"NOAGENT,'',NO_AGENT", "AGENTABSENT,a17,AGENT_ABSENT", "NOTCONNECTED,a17,NOT_CONNECTED",
            "SOMETHINGNEW,a17,OTHER", "'',a17,OTHER"})
    void a_safe_harbour_on_the_outbound_leg_says_why_and_an_unknown_reason_is_still_reported(String reason,
            String agent, SafeHarbourReason expected) {
        List<PbxEvent> out = translate(custom("switchboard::safe_harbour", "Unique-ID", CUSTOMER,
                "Call-Direction", "outbound", "Switchboard-Agent", agent, "Switchboard-Reason", reason).plain());

        assertThat(out).singleElement().isEqualTo(new PbxEvent.SafeHarbourPlayed(FixtureReplay.PBX, out.get(0).at(),
                channels.callOf(CUSTOMER), channels.legOf(CUSTOMER),
                agent.isEmpty() ? Optional.empty() : Optional.of(AgentId.of(agent)), expected));
    }

    @Test
    void an_answered_callback_in_hold_is_a_return_to_hold_of_the_originated_call_not_a_new_offer() {
        translate(RecordedEvent.from(FIXTURE, "CHANNEL_CREATE", "Call-Direction", "outbound")
                .set("Unique-ID", CUSTOMER).plain());

        List<PbxEvent> out = translate(custom("switchboard::caller_on_hold", "Unique-ID", CUSTOMER,
                "Call-Direction", "outbound", "Switchboard-DNID", "", "Switchboard-Queue", "",
                "Switchboard-Reason", "CALLBACK").plain());

        assertThat(out).singleElement().isEqualTo(new PbxEvent.CallReturnedToHold(FixtureReplay.PBX, out.get(0).at(),
                channels.callOf(CUSTOMER), Optional.empty(), HoldReason.CALLBACK));
        assertThat(channels.callOf(CUSTOMER)).isEqualTo(CallId.of("fs1/" + CUSTOMER));
    }

    @Test
    void a_message_left_on_a_machine_follows_the_machine_verdict_on_the_same_leg_in_either_encoding() {
        RecordedEvent left = custom("switchboard::amd_message_left", "Unique-ID", CUSTOMER, "Call-Direction", "outbound",
                "Switchboard-Task", "t1");

        List<PbxEvent> out = translate(custom("switchboard::amd", "Unique-ID", CUSTOMER, "Call-Direction", "outbound",
                "Switchboard-Status", "MACHINE", "Switchboard-Cause", "INITIALSILENCE").plain(), left.plain(), left.json());

        assertThat(out).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("AnsweringMachineDetected", "MachineMessageLeft", "MachineMessageLeft");
        assertThat(out.get(1)).isEqualTo(new PbxEvent.MachineMessageLeft(FixtureReplay.PBX, at(left.plain()),
                channels.callOf(CUSTOMER), channels.legOf(CUSTOMER)));
        assertThat(out.get(2)).isEqualTo(out.get(1));
    }

    @Test
    void a_broadcast_heard_on_the_customers_leg_says_whether_the_callee_opted_out() {
        translate(custom("switchboard::amd", "Unique-ID", CUSTOMER, "Call-Direction", "outbound",
                "Switchboard-Status", "HUMAN", "Switchboard-Cause", "HUMAN-500-500").plain());

        List<PbxEvent> heard = translate(custom("switchboard::broadcast", "Unique-ID", CUSTOMER,
                "Switchboard-Status", "HEARD").plain());
        List<PbxEvent> optedOut = translate(custom("switchboard::broadcast", "Unique-ID", CUSTOMER,
                "Switchboard-Status", "OPTEDOUT").json());

        assertThat(heard).singleElement().isInstanceOfSatisfying(PbxEvent.BroadcastPlayed.class, played -> {
            assertThat(played.call()).isEqualTo(channels.callOf(CUSTOMER));
            assertThat(played.leg()).isEqualTo(channels.legOf(CUSTOMER));
            assertThat(played.optedOut()).isFalse();
        });
        assertThat(optedOut).singleElement().isInstanceOfSatisfying(PbxEvent.BroadcastPlayed.class,
                played -> assertThat(played.optedOut()).isTrue());
    }

    @Test
    void a_blind_transfer_names_the_number_and_the_admin_context_of_the_callers_leg() {
        translate(inboundCall().plain());

        List<PbxEvent> out = translate(custom("switchboard::call_transferred", "Unique-ID", CALLER,
                "Switchboard-Target", "+442079460018", "Switchboard-Target-Context", "default").plain());

        assertThat(out).singleElement().isInstanceOfSatisfying(PbxEvent.CallTransferred.class, transferred -> {
            assertThat(transferred.call()).isEqualTo(channels.callOf(CALLER));
            assertThat(transferred.leg()).isEqualTo(channels.legOf(CALLER));
            assertThat(transferred.target()).isEqualTo(new TransferTarget("+442079460018", "default"));
            assertThat(transferred.toString()).doesNotContain("2079460018");
        });
    }

    @Test
    void a_transfer_without_a_target_context_is_counted_not_reported() {
        translate(inboundCall().plain());

        assertThat(translate(custom("switchboard::call_transferred", "Unique-ID", CALLER, "Switchboard-Target", "2000",
                "Switchboard-Target-Context", "").plain())).isEmpty();
        assertThat(glue.skipped())
                .containsEntry("CUSTOM/switchboard::call_transferred(no valid Target or Target-Context)", 1L);
    }

    @Test
    void a_key_pressed_on_hold_asks_for_a_callback_on_the_callers_leg_with_the_number_to_call() {
        translate(inboundCall().plain());

        List<PbxEvent> out = translate(custom("switchboard::callback", "Unique-ID", CALLER,
                "Switchboard-Digit", "1", "Switchboard-Number", "+442079460123").plain());

        assertThat(out).singleElement().isEqualTo(new PbxEvent.CallbackRequested(FixtureReplay.PBX, out.get(0).at(),
                channels.callOf(CALLER), channels.legOf(CALLER), '1',
                Optional.of(PhoneNumber.parse("+442079460123", "number"))));
    }

    @Test
    void a_callback_without_a_number_calls_the_caller_and_an_odd_digit_is_counted_not_reported() {
        translate(inboundCall().plain());

        List<PbxEvent> out = translate(
                custom("switchboard::callback", "Unique-ID", CALLER, "Switchboard-Digit", "#").plain(),
                custom("switchboard::callback", "Unique-ID", CALLER, "Switchboard-Digit", "12").plain());

        assertThat(out).singleElement().isInstanceOfSatisfying(PbxEvent.CallbackRequested.class,
                requested -> assertThat(requested.number()).isEmpty());
        assertThat(glue.skipped()).containsEntry("CUSTOM/switchboard::callback(no valid Digit)", 1L);
    }

    @Test
    void every_glue_subclass_has_a_translator_and_none_is_skipped_as_unknown() {
        translate(custom("switchboard::safe_harbour", "Unique-ID", CUSTOMER, "Switchboard-Reason", "NOAGENT").plain());

        assertThat(translator.customSubclasses()).containsExactlyInAnyOrderElementsOf(GlueEvents.SUBCLASSES);
        assertThat(translator.skipped()).isEmpty();
        assertThat(glue.skipped()).isEmpty();
    }

    private List<PbxEvent> translate(EslEventHeaders... events) {
        List<PbxEvent> out = new ArrayList<>();
        for (EslEventHeaders event : events) {
            out.addAll(translator.translate(event));
        }
        return out;
    }

    private static RecordedEvent inboundCall() {
        return custom("switchboard::inbound_call", "Unique-ID", CALLER, "Caller-Caller-ID-Number", "02079460000",
                "Caller-Destination-Number", "switchboard_inbound", "Switchboard-DNID", "7000", "Switchboard-Queue", "billing");
    }

    private static RecordedEvent onHold(String reason) {
        return custom("switchboard::caller_on_hold", "Unique-ID", CALLER, "Caller-Caller-ID-Number", "02079460000",
                "Switchboard-DNID", "7000", "Switchboard-Queue", "billing", "Switchboard-Reason", reason);
    }

    private static RecordedEvent dialResult(String disposition) {
        return custom("switchboard::agent_dial_result", "Unique-ID", CALLER, "Switchboard-Disposition", disposition,
                "Switchboard-Agent", "a17", "Switchboard-Hangup-Cause", disposition);
    }

    private static RecordedEvent sessionEvent(String subclass) {
        return custom(subclass, "Unique-ID", SESSION, "Call-Direction", "outbound", "Switchboard-Agent", "a17");
    }

    private static RecordedEvent custom(String subclass, String... pairs) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put(pairs[i], pairs[i + 1]);
        }
        return RecordedEvent.custom(subclass, fields);
    }

    /** The glue's {@code bridge} creates the agent's leg from the caller's channel: {@code Other-Type: originator}. */
    private static EslEventHeaders agentLegCreated() {
        return RecordedEvent.from(FIXTURE, "CHANNEL_CREATE", "Call-Direction", "outbound").set("Unique-ID", AGENT_PHONE)
                .set("Other-Type", "originator").set("Other-Leg-Unique-ID", CALLER).plain();
    }

    private static EslEventHeaders agentLeg(String eventName) {
        return RecordedEvent.from(FIXTURE, eventName, "Call-Direction", "outbound").set("Unique-ID", AGENT_PHONE).plain();
    }

    private static EslEventHeaders bridge(String a, String b) {
        return RecordedEvent.from(FIXTURE, "CHANNEL_BRIDGE", "Event-Name", "CHANNEL_BRIDGE").set("Unique-ID", a)
                .set("Bridge-A-Unique-ID", a).set("Bridge-B-Unique-ID", b).set("Other-Leg-Unique-ID", b).plain();
    }

    private static Instant at(EslEventHeaders event) {
        long micros = Long.parseLong(event.first("Event-Date-Timestamp").orElseThrow());
        return Instant.ofEpochSecond(micros / 1_000_000, (micros % 1_000_000) * 1_000);
    }
}
