package io.switchboard.esl.control;

import java.util.OptionalInt;
import io.switchboard.core.port.WaitAnnouncement;
import java.util.List;
import java.time.Instant;
import io.switchboard.core.event.PbxEvent;
import io.switchboard.core.call.AmdResult;
import io.switchboard.core.call.HangupCause;
import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;
import io.switchboard.core.id.PbxId;
import io.switchboard.core.port.CommandResult;
import io.switchboard.core.port.Destination;
import io.switchboard.core.port.DialplanTarget;
import io.switchboard.core.port.MonitorMode;
import io.switchboard.core.port.OriginateRequest;
import io.switchboard.core.port.PbxUnavailableException;
import io.switchboard.esl.connection.JobOutcome;
import io.switchboard.esl.transcript.EslTranscript;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The exact ESL command lines {@link EslCallControl} sends for each port method, checked against the glue's
 * variable and extension names and, where the same command was recorded on a real FreeSWITCH 1.10, against
 * the recorded line; and how refusals, lost connections and missing replies come back.
 */
class EslCallControlTest {

    /** Fixture 07: the dialer's customer leg and the nailed-up agent leg it was bridged to. */
    private static final String CUSTOMER = "7ed41449-9950-42b2-9f65-d23a4a4fca7f";
    private static final String AGENT_SESSION = "7b4824ec-803b-4d44-b8de-3db9c63d547b";
    private static final String MACHINE_CUSTOMER = "5f0c2d8e-1a2b-4c3d-8e9f-0a1b2c3d4e5f";
    private static final String CALL = "fs1/" + CUSTOMER;
    /** Fixture 08: the recorded call. */
    private static final String RECORDED = "951ae0cb-01a9-458b-98d9-21c58f22ea39";

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final ScriptedSender sender = new ScriptedSender();
    private final FakeCallLegs legs = new FakeCallLegs().session("a17", "fs1/" + AGENT_SESSION)
            .agentLeg(CALL, "fs1/" + AGENT_SESSION);

    @AfterEach
    void stopTimer() {
        timer.shutdownNow();
    }

    @Test
    void connect_to_agent_sets_the_glue_variables_in_one_setvar_multi_then_transfers_to_switchboard_connect() throws Exception {
        CommandResult result = result(control().connectToAgent(CallId.of(CALL), LegId.of("fs1/0b7c1f7e-5a7e-4e57-9b0e-2c1d6c1b9a01"),
                "user/1001@pbx", Duration.ofMillis(20_400)));

        assertThat(result).isEqualTo(CommandResult.ACCEPTED);
        assertThat(sender.sent()).containsExactly(
                "uuid_setvar_multi " + CUSTOMER + " switchboard_device=[origination_uuid=0b7c1f7e-5a7e-4e57-9b0e-2c1d6c1b9a01]user/1001@pbx"
                        + ";switchboard_agent=fs1/0b7c1f7e-5a7e-4e57-9b0e-2c1d6c1b9a01;switchboard_ring_timeout=21",
                "uuid_transfer " + CUSTOMER + " switchboard_connect XML switchboard");
        assertThat(legs.announcements).containsExactly("expect " + CALL + " fs1/0b7c1f7e-5a7e-4e57-9b0e-2c1d6c1b9a01");
    }

    @Test
    void connect_to_agent_gives_a_leg_id_freeswitch_would_cut_a_stable_name_based_uuid_and_still_announces_the_leg() throws Exception {
        LegId agentLeg = LegId.of(CALL + "-agent-1");

        result(control().connectToAgent(CallId.of(CALL), agentLeg, "user/1001@pbx", Duration.ofSeconds(15)));

        String uuid = java.util.UUID.nameUUIDFromBytes(agentLeg.value().getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
        assertThat(sender.sent().get(0)).contains("switchboard_device=[origination_uuid=" + uuid + "]user/1001@pbx;")
                .contains(";switchboard_agent=" + agentLeg.value() + ";");
        assertThat(legs.announcements).containsExactly("expect " + CALL + " " + agentLeg);
    }

    @Test
    void a_refused_connect_withdraws_the_announced_agent_leg_and_answers_with_the_first_refusal() throws Exception {
        sender.api("uuid_setvar_multi", "-ERR No such channel!\n").api("uuid_transfer", "-ERR No such channel!\n");

        CommandResult result = result(control().connectToAgent(CallId.of(CALL), LegId.of("fs1/agent-7"), "user/1001@pbx",
                Duration.ofSeconds(15)));

        assertThat(result).isEqualTo(new CommandResult.Failed("unknown-call", "uuid_setvar_multi: -ERR No such channel!"));
        assertThat(sender.sent()).as("sent together: a missing channel refuses both").hasSize(2);
        assertThat(legs.announcements).containsExactly("expect " + CALL + " fs1/agent-7", "withdraw " + CALL + " fs1/agent-7");
    }

    @Test
    void the_connects_setvar_and_transfer_go_out_together_and_it_is_accepted_once_both_are() throws Exception {
        CompletableFuture<String> setvar = new CompletableFuture<>();
        sender.api("uuid_setvar_multi", setvar);

        CompletionStage<CommandResult> pending = control().connectToAgent(CallId.of(CALL), LegId.of("fs1/agent-7"),
                "user/1001@pbx", Duration.ofSeconds(15));

        assertThat(sender.sent()).as("the transfer did not wait for the setvar's reply").hasSize(2)
                .last().asString().startsWith("uuid_transfer " + CUSTOMER);
        assertThat(pending.toCompletableFuture()).isNotDone();
        setvar.complete("+OK\n");
        assertThat(result(pending)).isEqualTo(CommandResult.ACCEPTED);
    }

    @Test
    void a_device_with_a_comma_is_refused_before_anything_is_sent_as_it_would_ring_two_phones() throws Exception {
        CommandResult result = result(control().connectToAgent(CallId.of(CALL), LegId.of("fs1/agent-7"),
                "user/1001@pbx,user/1002@pbx", Duration.ofSeconds(15)));

        assertThat(result).extracting(r -> ((CommandResult.Failed) r).errorId()).isEqualTo("invalid-argument");
        assertThat(sender.sent()).isEmpty();
        assertThat(legs.announcements).isEmpty();
    }

    @Test
    void join_to_agent_bridges_the_customer_first_then_the_agents_session_leg_as_recorded_in_fixture_07() throws Exception {
        sender.api("uuid_bridge", "+OK " + AGENT_SESSION);

        CommandResult result = result(control().joinToAgent(CallId.of(CALL), AgentId.of("a17")));

        assertThat(result).isEqualTo(CommandResult.ACCEPTED);
        assertThat(sender.sent()).containsExactly(recorded("07-outbound-dialer-nailed-agent.esl.txt", "uuid_bridge"));
    }

    @Test
    void join_to_an_agent_without_an_open_line_sends_nothing() throws Exception {
        CommandResult result = result(control().joinToAgent(CallId.of(CALL), AgentId.of("a99")));

        assertThat(result).isEqualTo(new CommandResult.Failed("unknown-agent-session", "no open line known for agent a99"));
        assertThat(sender.sent()).isEmpty();
    }

    @Test
    void return_to_hold_sets_the_hold_reason_and_transfers_to_switchboard_hold() throws Exception {
        result(control().returnToHold(CallId.of(CALL)));

        assertThat(sender.sent()).containsExactly("uuid_setvar " + CUSTOMER + " switchboard_hold_reason RETURNED",
                "uuid_transfer " + CUSTOMER + " switchboard_hold XML switchboard");
    }


    @Test
    void a_wait_announcement_sets_the_four_glue_variables_at_once_then_transfers_to_switchboard_announce()
            throws Exception {
        WaitAnnouncement said = new WaitAnnouncement(OptionalInt.empty(), OptionalInt.of(5),
                Optional.of(Duration.ofMinutes(4)));

        assertThat(result(control().announceWait(CallId.of(CALL), said))).isEqualTo(CommandResult.ACCEPTED);

        assertThat(sender.sent()).containsExactly("uuid_setvar_multi " + CUSTOMER + " switchboard_announce_position=0;"
                        + "switchboard_announce_more_than=5;switchboard_announce_minutes=4;switchboard_announce_seconds=0",
                "uuid_transfer " + CUSTOMER + " switchboard_announce XML switchboard");
    }

    @Test
    void a_confirmed_callback_transfers_the_waiting_customer_to_switchboard_callback() throws Exception {
        assertThat(result(control().confirmCallback(CallId.of(CALL)))).isEqualTo(CommandResult.ACCEPTED);

        assertThat(sender.sent()).containsExactly("uuid_transfer " + CUSTOMER + " switchboard_callback XML switchboard");
    }

    @Test
    void a_callback_is_originated_with_its_variable_under_the_glues_lower_case_name() throws Exception {
        OriginateRequest request = new OriginateRequest(CallId.of(CALL), LegId.of(CALL), PhoneNumber.parse("+4930123456", "to"),
                Optional.empty(), Duration.ofSeconds(20), Duration.ofSeconds(15), false,
                Map.of("SWITCHBOARD_CALLBACK", "fs1/waiting-caller"));

        assertThat(result(control().originate(request))).isEqualTo(CommandResult.ACCEPTED);

        assertThat(sender.sent()).containsExactly("originate {origination_uuid=" + CUSTOMER + ",originate_timeout=20,"
                + "ignore_early_media=true,switchboard_callback=fs1/waiting-caller}sofia/gateway/carrier/+4930123456"
                + " switchboard_outbound XML switchboard");
    }

    @Test
    void originate_dials_the_customer_into_switchboard_outbound_with_the_calls_uuid_and_at_least_15_s_of_ring() throws Exception {
        OriginateRequest request = new OriginateRequest(CallId.of(CALL), LegId.of(CALL), PhoneNumber.parse("+4930123456", "to"),
                Optional.of(PhoneNumber.parse("+4930999000", "callerId")), Duration.ofSeconds(10), Duration.ofSeconds(10), true,
                Map.of("SWITCHBOARD_AGENT", "a17"));

        CommandResult result = result(control().originate(request));

        assertThat(result).isEqualTo(CommandResult.ACCEPTED);
        assertThat(sender.sent()).containsExactly("originate {origination_uuid=" + CUSTOMER + ",originate_timeout=15,"
                + "ignore_early_media=true,origination_caller_id_number=+4930999000,switchboard_agent=a17,"
                + "switchboard_agent_uuid=" + AGENT_SESSION + "}sofia/gateway/carrier/+4930123456 switchboard_outbound XML switchboard");
        assertThat(sender.jobCalls()).containsExactly(Optional.of(CallId.of(CALL)));
        assertThat(recorded("07-outbound-dialer-nailed-agent.esl.txt", "originate {origination_uuid=7ed41449"))
                .startsWith("originate {origination_uuid=" + CUSTOMER + ",ignore_early_media=true,origination_caller_id_number=");
    }

    @Test
    void a_live_answer_to_a_placed_call_is_bridged_to_its_agent_at_once_and_a_machine_never_is() throws Exception {
        EslCallControl control = control();
        sender.api("uuid_bridge", "+OK " + AGENT_SESSION);
        for (String call : List.of(CALL, "fs1/" + MACHINE_CUSTOMER)) {
            result(control.originate(new OriginateRequest(CallId.of(call), LegId.of(call),
                    PhoneNumber.parse("+4930123456", "to"), Optional.empty(), Duration.ofSeconds(20), Duration.ofSeconds(15),
                    true, Map.of("SWITCHBOARD_AGENT", "a17"))));
        }
        int placed = sender.sent().size();

        control.liveAnswers().onEvent(new PbxEvent.AnsweringMachineDetected(PbxId.of("fs1"), Instant.now(),
                CallId.of("fs1/" + MACHINE_CUSTOMER), LegId.of("fs1/" + MACHINE_CUSTOMER), AmdResult.MACHINE));
        control.liveAnswers().onEvent(new PbxEvent.AnsweringMachineDetected(PbxId.of("fs1"), Instant.now(),
                CallId.of(CALL), LegId.of(CALL), AmdResult.HUMAN));
        control.liveAnswers().onEvent(new PbxEvent.AnsweringMachineDetected(PbxId.of("fs1"), Instant.now(),
                CallId.of(CALL), LegId.of(CALL), AmdResult.HUMAN));

        assertThat(sender.sent().subList(placed, sender.sent().size())).as("one bridge, customer first, for the person only")
                .containsExactly("uuid_bridge " + CUSTOMER + " " + AGENT_SESSION);
    }

    @Test
    void originate_rings_as_long_as_asked_when_that_is_longer_than_15_s() throws Exception {
        result(control().originate(outbound(Duration.ofMillis(25_200), Map.of())));

        assertThat(sender.sent().get(0)).contains(",originate_timeout=26,");
    }

    @Test
    void a_request_variable_cannot_shorten_the_ring_or_change_the_calls_uuid() throws Exception {
        result(control().originate(outbound(Duration.ofSeconds(20), Map.of("ORIGINATE_TIMEOUT", "3", "origination_uuid", "x"))));

        assertThat(sender.sent().get(0)).startsWith("originate {origination_uuid=" + CUSTOMER + ",originate_timeout=20,")
                .doesNotContain("=3").doesNotContain("=x");
    }

    @Test
    void an_originate_whose_job_ends_with_a_hangup_cause_was_placed_and_is_accepted() throws Exception {
        sender.bgapi("originate", new JobOutcome.Failed("-ERR USER_BUSY\n"));

        CommandResult result = result(control().originate(outbound(Duration.ofSeconds(20), Map.of())));

        assertThat(result).isEqualTo(CommandResult.ACCEPTED);
    }

    @Test
    void an_originate_whose_job_ends_with_an_error_that_is_no_hangup_cause_is_refused() throws Exception {
        sender.bgapi("originate", new JobOutcome.Failed("-ERR Invalid dial string\n"));

        CommandResult result = result(control().originate(outbound(Duration.ofSeconds(20), Map.of())));

        assertThat(result).isEqualTo(new CommandResult.Failed("esl-refused", "originate: -ERR Invalid dial string"));
    }

    @Test
    void an_originate_still_ringing_when_the_connection_stops_waiting_for_its_job_is_accepted() throws Exception {
        sender.bgapi("originate", new JobOutcome.TimedOut(Duration.ofSeconds(5)));

        assertThat(result(control().originate(outbound(Duration.ofSeconds(20), Map.of())))).isEqualTo(CommandResult.ACCEPTED);
    }

    @Test
    void an_originate_still_ringing_after_the_command_timeout_is_accepted_as_its_end_arrives_as_events() throws Exception {
        sender.bgapi("originate", ScriptedSender.SILENCE);

        assertThat(result(control().originate(outbound(Duration.ofSeconds(20), Map.of())))).isEqualTo(CommandResult.ACCEPTED);
    }

    @Test
    void an_originate_lost_with_the_connection_fails_the_stage() {
        sender.bgapi("originate", new JobOutcome.ConnectionLost("socket closed"));

        assertThat(errorIdOf(control().originate(outbound(Duration.ofSeconds(20), Map.of())))).isEqualTo("esl-not-connected");
    }

    @Test
    void originate_refuses_a_variable_with_a_comma_and_a_call_id_of_another_pbx() throws Exception {
        CommandResult comma = result(control().originate(outbound(Duration.ofSeconds(20), Map.of("SWITCHBOARD_TASK", "a,b"))));
        CommandResult foreign = result(control().originate(new OriginateRequest(CallId.of("pbx1/1700000000.1"),
                LegId.of("pbx1/1700000000.1"), PhoneNumber.parse("+4930123456", "to"), Optional.empty(),
                Duration.ofSeconds(20), Duration.ZERO, false, Map.of())));

        assertThat(comma).extracting(r -> ((CommandResult.Failed) r).errorId()).isEqualTo("invalid-argument");
        assertThat(foreign).extracting(r -> ((CommandResult.Failed) r).errorId()).isEqualTo("foreign-id");
        assertThat(sender.sent()).isEmpty();
    }

    @Test
    void open_agent_session_originates_the_device_into_switchboard_agent_session_with_the_session_legs_uuid() throws Exception {
        result(control().openAgentSession(AgentId.of("a17"), LegId.of("fs1/" + AGENT_SESSION), "user/1001@pbx"));

        assertThat(sender.sent()).containsExactly("originate {origination_uuid=" + AGENT_SESSION
                + ",originate_timeout=30,switchboard_agent=a17}user/1001@pbx switchboard_agent_session XML switchboard");
        assertThat(sender.jobCalls()).containsExactly(Optional.of(CallId.of("fs1/" + AGENT_SESSION)));
    }

    @Test
    void close_agent_session_and_hangup_kill_the_channel_with_the_cause_as_recorded_in_fixture_07() throws Exception {
        result(control().hangup(CallId.of(CALL), HangupCause.NORMAL_CLEARING));
        result(control().closeAgentSession(AgentId.of("a17"), LegId.of("fs1/" + AGENT_SESSION)));
        result(control().hangup(CallId.of(CALL), HangupCause.OTHER));

        assertThat(sender.sent()).containsExactly(recorded("07-outbound-dialer-nailed-agent.esl.txt", "uuid_kill " + CUSTOMER),
                "uuid_kill " + AGENT_SESSION + " NORMAL_CLEARING", "uuid_kill " + CUSTOMER + " NORMAL_UNSPECIFIED");
    }

    @Test
    void blind_transfer_sets_target_and_context_then_transfers_to_switchboard_transfer() throws Exception {
        result(control().blindTransfer(CallId.of(CALL), new Destination.Number(PhoneNumber.parse("+4930200000", "to"))));

        assertThat(sender.sent()).containsExactly(
                "uuid_setvar_multi " + CUSTOMER + " switchboard_transfer_target=+4930200000;switchboard_transfer_context=default",
                "uuid_transfer " + CUSTOMER + " switchboard_transfer XML switchboard");
    }

    @Test
    void leaving_the_queue_sets_queuestatus_and_the_target_then_transfers_to_switchboard_exit() throws Exception {
        CommandResult result = result(control().leaveQueue(CallId.of(CALL), new DialplanTarget("voicemail", "8001"),
                "TIMEOUT"));

        assertThat(result).isEqualTo(CommandResult.ACCEPTED);
        assertThat(sender.sent()).containsExactly(
                "uuid_setvar_multi " + CUSTOMER + " QUEUESTATUS=TIMEOUT;switchboard_exit_target=8001;"
                        + "switchboard_exit_context=voicemail",
                "uuid_transfer " + CUSTOMER + " switchboard_exit XML switchboard");
    }

    @Test
    void an_exit_target_that_would_split_the_command_is_refused_without_sending() throws Exception {
        CommandResult result = result(control().leaveQueue(CallId.of(CALL), new DialplanTarget("voicemail", "80;01"),
                "TIMEOUT"));

        assertThat(result).extracting(r -> ((CommandResult.Failed) r).errorId()).isEqualTo("invalid-argument");
        assertThat(sender.sent()).isEmpty();
    }

    @Test
    void attended_transfer_marks_the_transferrer_keeps_the_customer_from_coming_back_to_hold_then_broadcasts_att_xfer() throws Exception {
        CommandResult result = result(control().attendedTransfer(CallId.of(CALL), LegId.of("fs1/" + AGENT_SESSION),
                new Destination.Number(PhoneNumber.parse("+4930200000", "to"))));

        assertThat(result).isEqualTo(CommandResult.ACCEPTED);
        assertThat(sender.sent()).containsExactly(
                "uuid_setvar_multi " + AGENT_SESSION + " switchboard_transfer_target=+4930200000;switchboard_transfer_context=default",
                "uuid_setvar " + CUSTOMER + " transfer_after_bridge",
                "uuid_broadcast " + AGENT_SESSION + " att_xfer::loopback/+4930200000/default");
    }

    @Test
    void attended_transfer_to_a_device_consults_the_device_itself() throws Exception {
        result(control().attendedTransfer(CallId.of(CALL), LegId.of("fs1/" + AGENT_SESSION), new Destination.Device("user/2000@pbx")));

        assertThat(sender.sent()).containsExactly(
                "uuid_setvar_multi " + AGENT_SESSION + " switchboard_transfer_target=user/2000@pbx;switchboard_transfer_context=",
                "uuid_setvar " + CUSTOMER + " transfer_after_bridge",
                "uuid_broadcast " + AGENT_SESSION + " att_xfer::user/2000@pbx");
    }

    @Test
    void attended_transfer_from_a_transferrer_that_hung_up_is_unknown_and_broadcasts_nothing_as_uuid_broadcast_always_says_ok()
            throws Exception {
        sender.api("uuid_setvar_multi", "-ERR No such channel!\n");

        CommandResult result = result(control().attendedTransfer(CallId.of(CALL), LegId.of("fs1/" + AGENT_SESSION),
                new Destination.Number(PhoneNumber.parse("+4930200000", "to"))));

        assertThat(result).extracting(r -> ((CommandResult.Failed) r).errorId()).isEqualTo("unknown-call");
        assertThat(sender.sent()).hasSize(1);
    }

    @Test
    void transfers_that_would_split_the_command_or_leave_this_pbx_send_nothing() throws Exception {
        CommandResult comma = result(control().attendedTransfer(CallId.of(CALL), LegId.of("fs1/" + AGENT_SESSION),
                new Destination.Device("user/2000@pbx,user/2001@pbx")));
        CommandResult foreign = result(control().attendedTransfer(CallId.of(CALL), LegId.of("ast1/" + AGENT_SESSION),
                new Destination.Device("user/2000@pbx")));

        assertThat(comma).extracting(r -> ((CommandResult.Failed) r).errorId()).isEqualTo("invalid-argument");
        assertThat(foreign).extracting(r -> ((CommandResult.Failed) r).errorId()).isEqualTo("foreign-id");
        assertThat(sender.sent()).isEmpty();
    }

    @Test
    void a_blind_transfer_to_a_device_is_unsupported_as_the_glue_dials_numbers_in_the_admins_context_only() throws Exception {
        CommandResult device = result(control().blindTransfer(CallId.of(CALL), new Destination.Device("user/2000")));

        assertThat(device).extracting(r -> ((CommandResult.Failed) r).errorId()).isEqualTo("unsupported");
        assertThat(sender.sent()).isEmpty();
    }

    @Test
    void holding_the_customer_holds_the_agents_leg_so_the_customer_hears_music_and_the_bridge_stays() throws Exception {
        result(control().hold(CallId.of(CALL), LegId.of(CALL)));
        result(control().unhold(CallId.of(CALL), LegId.of(CALL)));
        result(control().hold(CallId.of(CALL), LegId.of("fs1/" + AGENT_SESSION)));

        assertThat(sender.sent()).containsExactly("uuid_hold " + AGENT_SESSION, "uuid_hold off " + AGENT_SESSION,
                "uuid_hold " + CUSTOMER);
    }

    @Test
    void recording_starts_and_stops_on_the_customers_channel_as_recorded_in_fixture_08() throws Exception {
        String call = "fs1/" + RECORDED;
        String path = "/rec/cti-rec-" + RECORDED + ".wav";
        sender.api("uuid_record", "+OK Success\n").api("uuid_getvar", path);

        result(control().startRecording(CallId.of(call), "cti-rec-" + RECORDED));
        result(control().pauseRecording(CallId.of(call)));
        result(control().resumeRecording(CallId.of(call)));
        CommandResult stopped = result(control().stopRecording(CallId.of(call)));

        String fixture = "08-transfer-kill-record-eavesdrop.esl.txt";
        assertThat(stopped).isEqualTo(CommandResult.ACCEPTED);
        assertThat(sender.sent()).containsExactly(
                "uuid_setvar " + RECORDED + " switchboard_recording " + path,
                recorded(fixture, "uuid_record " + RECORDED + " start"),
                "uuid_getvar " + RECORDED + " switchboard_recording",
                "uuid_record " + RECORDED + " mask " + path,
                "uuid_getvar " + RECORDED + " switchboard_recording",
                "uuid_record " + RECORDED + " unmask " + path,
                "uuid_getvar " + RECORDED + " switchboard_recording",
                recorded(fixture, "uuid_record " + RECORDED + " stop"),
                "uuid_setvar " + RECORDED + " switchboard_recording");
    }

    @Test
    void stopping_a_recording_switchboard_did_not_start_sends_no_uuid_record() throws Exception {
        sender.api("uuid_getvar", "_undef_");

        CommandResult result = result(control().stopRecording(CallId.of(CALL)));

        assertThat(result).extracting(r -> ((CommandResult.Failed) r).errorId()).isEqualTo("not-recording");
        assertThat(sender.sent()).containsExactly("uuid_getvar " + CUSTOMER + " switchboard_recording");
    }

    @Test
    void monitor_originates_the_supervisor_into_the_spy_extension_of_the_mode_targeting_the_agent_leg() throws Exception {
        for (MonitorMode mode : MonitorMode.values()) {
            result(control().monitor(CallId.of(CALL), LegId.of("fs1/8c37bbfe-e1b5-4222-9208-699fa0ffe3f3"), "user/1100@pbx", mode));
        }

        assertThat(sender.sent()).containsExactly(
                "originate {origination_uuid=8c37bbfe-e1b5-4222-9208-699fa0ffe3f3,originate_timeout=30,switchboard_spy_target="
                        + AGENT_SESSION + "}user/1100@pbx switchboard_spy_listen XML switchboard",
                "originate {origination_uuid=8c37bbfe-e1b5-4222-9208-699fa0ffe3f3,originate_timeout=30,switchboard_spy_target="
                        + AGENT_SESSION + "}user/1100@pbx switchboard_spy_whisper XML switchboard",
                "originate {origination_uuid=8c37bbfe-e1b5-4222-9208-699fa0ffe3f3,originate_timeout=30,switchboard_spy_target="
                        + AGENT_SESSION + "}user/1100@pbx switchboard_spy_barge XML switchboard");
    }

    @Test
    void monitor_of_an_agent_rung_from_switchboard_connect_targets_the_channel_that_carries_the_named_leg()
            throws Exception {
        String rung = "0d5b1b9e-6a52-4c1f-9d49-2f0c8f0e0a11";
        legs.agentLeg(CALL, CALL + "-agent-1").channel(CALL + "-agent-1", rung);

        result(control().monitor(CallId.of(CALL), LegId.of("fs1/sb-1"), "user/1100@pbx", MonitorMode.LISTEN));

        assertThat(sender.sent()).containsExactly("originate {origination_uuid=sb-1,originate_timeout=30,"
                + "switchboard_spy_target=" + rung + "}user/1100@pbx switchboard_spy_listen XML switchboard");
    }

    @Test
    void freeswitchs_refusal_is_a_failed_result_with_its_trimmed_text() throws Exception {
        sender.api("uuid_bridge", "-ERR Invalid uuid " + AGENT_SESSION + "\n");

        CommandResult result = result(control().joinToAgent(CallId.of(CALL), AgentId.of("a17")));

        assertThat(result).isEqualTo(new CommandResult.Failed("esl-refused", "uuid_bridge: -ERR Invalid uuid " + AGENT_SESSION));
    }

    @Test
    void a_call_that_has_ended_is_unknown_as_freeswitch_says_no_such_channel() throws Exception {
        sender.api("uuid_kill", recordedReply("04-event-json-filter.esl.txt", "-ERR No such channel!"));

        CommandResult result = result(control().hangup(CallId.of(CALL), HangupCause.NORMAL_CLEARING));

        assertThat(result).isEqualTo(new CommandResult.Failed("unknown-call", "uuid_kill: -ERR No such channel!"));
    }

    @Test
    void no_reply_within_the_command_timeout_fails_the_stage_with_esl_timeout() {
        sender.api("uuid_kill", ScriptedSender.SILENCE);

        assertThat(errorIdOf(control().hangup(CallId.of(CALL), HangupCause.NORMAL_CLEARING))).isEqualTo("esl-timeout");
    }

    @Test
    void not_being_logged_in_fails_the_stage_with_esl_not_connected() {
        sender.refusingToSend(new IllegalStateException("ESL of fs1 is DISCONNECTED"));

        assertThat(errorIdOf(control().hangup(CallId.of(CALL), HangupCause.NORMAL_CLEARING))).isEqualTo("esl-not-connected");
    }

    @Test
    void a_lost_reply_fails_the_stage_with_esl_not_connected() {
        sender.api("uuid_kill", new IllegalStateException("connection closed"));

        assertThat(errorIdOf(control().hangup(CallId.of(CALL), HangupCause.NORMAL_CLEARING))).isEqualTo("esl-not-connected");
    }

    @Test
    void results_complete_on_the_executor_given_never_on_the_thread_that_delivered_the_reply() {
        java.util.List<Runnable> queued = new java.util.ArrayList<>();
        Executor manual = queued::add;
        EslCallControl control = new EslCallControl(PbxId.of("fs1"), sender, legs, "sofia/gateway/carrier/{number}",
                "default", "/rec", timer, manual, Duration.ofSeconds(2));

        CompletionStage<CommandResult> stage = control.hangup(CallId.of(CALL), HangupCause.NORMAL_CLEARING);

        assertThat(stage.toCompletableFuture()).isNotDone();
        queued.forEach(Runnable::run);
        assertThat(stage.toCompletableFuture()).isCompletedWithValue(CommandResult.ACCEPTED);
    }

    private EslCallControl control() {
        return new EslCallControl(PbxId.of("fs1"), sender, legs, "sofia/gateway/carrier/{number}", "default", "/rec/",
                timer, Runnable::run, Duration.ofMillis(200));
    }

    private static OriginateRequest outbound(Duration ring, Map<String, String> variables) {
        return new OriginateRequest(CallId.of(CALL), LegId.of(CALL), PhoneNumber.parse("+4930123456", "to"), Optional.empty(),
                ring, Duration.ZERO, false, variables);
    }

    private static CommandResult result(CompletionStage<CommandResult> stage) throws Exception {
        return stage.toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    private static String errorIdOf(CompletionStage<CommandResult> stage) {
        Throwable failure = catchThrowable(() -> stage.toCompletableFuture().get(5, TimeUnit.SECONDS));
        assertThat(failure).isInstanceOf(ExecutionException.class).cause().isInstanceOf(PbxUnavailableException.class);
        return ((PbxUnavailableException) failure.getCause()).errorId();
    }

    /** The first command line a fixture recorded whose api/bgapi command starts with {@code start}, without the word. */
    static String recorded(String fixture, String start) {
        return EslTranscript.read(fixture).steps().stream().filter(EslTranscript.Step::sent)
                .map(step -> step.text().lines().findFirst().orElse(""))
                .map(line -> line.substring(line.indexOf(' ') + 1))
                .filter(command -> command.startsWith(start)).findFirst()
                .orElseThrow(() -> new AssertionError(fixture + " has no command " + start));
    }

    /** A reply body FreeSWITCH sent in a fixture, as on the wire (with its trailing LF). */
    private static String recordedReply(String fixture, String start) {
        return EslTranscript.read(fixture).receivedFrames().stream().map(f -> f.body())
                .filter(body -> body.startsWith(start)).findFirst()
                .orElseThrow(() -> new AssertionError(fixture + " has no reply " + start));
    }
}
