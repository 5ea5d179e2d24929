package io.switchboard.ami.control;

import java.util.OptionalInt;
import io.switchboard.core.port.WaitAnnouncement;
import io.switchboard.ami.AmiSettings;
import io.switchboard.ami.channel.ChannelRegistry;
import io.switchboard.ami.connection.AmiConnection;
import io.switchboard.ami.connection.AmiPbxEvents;
import io.switchboard.ami.connection.RegistryResync;
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
import io.switchboard.core.retry.RetryPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import static io.switchboard.ami.control.Wire.exactly;
import static io.switchboard.ami.control.Wire.failure;
import static io.switchboard.ami.control.Wire.fields;
import static io.switchboard.ami.control.Wire.result;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@link AmiCallControl} writes for each command, rendered by Asterisk-Java's own action builder,
 * checked field by field against what {@code extensions_switchboard.conf} reads; and how refusals, a
 * missing connection and a missing response come back.
 */
class AmiCallControlTest {

    private static final String CUSTOMER = "Local/s@hold-00000000;2";
    private static final String AGENT = "SIP/127.0.0.1:5062-00000003";
    private static final String CALL = "pbx1/1700000000.0";

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final RecordingSender sender = new RecordingSender();
    private final FakeCallChannels channels = new FakeCallChannels().call(CALL, CUSTOMER)
            .leg("pbx1/1700000000.3", AGENT).agent(CALL, AGENT);

    @AfterEach
    void stopTimer() {
        timer.shutdownNow();
    }

    @Test
    void connect_to_agent_sets_the_three_glue_variables_then_redirects_to_the_connect_context() throws Exception {
        CommandResult result = result(control(sender).connectToAgent(CallId.of(CALL), LegId.of("pbx1/agent-leg-7"),
                "PJSIP/1001", Duration.ofMillis(20_400)));

        assertThat(result).isEqualTo(CommandResult.ACCEPTED);
        assertThat(sender.sent()).extracting(Wire::fields).containsExactly(
                exactly("Channel: " + CUSTOMER, "Variable: SWITCHBOARD_DEVICE", "Value: PJSIP/1001"),
                exactly("Channel: " + CUSTOMER, "Variable: SWITCHBOARD_AGENT", "Value: pbx1/agent-leg-7"),
                exactly("Channel: " + CUSTOMER, "Variable: SWITCHBOARD_RING_TIMEOUT", "Value: 20"),
                exactly("Channel: " + CUSTOMER, "Context: switchboard-connect", "Exten: s", "Priority: 1"));
        assertThat(sender.names()).containsExactly("SetVar", "SetVar", "SetVar", "Redirect");
    }

    @Test
    void connect_to_agent_announces_the_agent_leg_so_the_dialled_channel_is_reported_under_it() throws Exception {
        result(control(sender).connectToAgent(CallId.of(CALL), LegId.of("pbx1/agent-leg-7"), "PJSIP/1001",
                Duration.ofSeconds(15)));

        assertThat(channels.expectedAgentLeg(CALL)).hasValue(LegId.of("pbx1/agent-leg-7"));
    }

    @Test
    void join_to_agent_redirects_to_the_agents_conference_extension() throws Exception {
        assertThat(result(control(sender).joinToAgent(CallId.of(CALL), AgentId.of("agent-1")))).isEqualTo(CommandResult.ACCEPTED);

        assertThat(sender.sent()).extracting(Wire::fields).containsExactly(
                exactly("Channel: " + CUSTOMER, "Variable: SWITCHBOARD_AGENT", "Value: agent-1"),
                exactly("Channel: " + CUSTOMER, "Context: switchboard-join", "Exten: agent-1", "Priority: 1"));
    }

    @Test
    void return_to_hold_and_hold_redirect_to_the_hold_context() throws Exception {
        AmiCallControl control = control(sender);
        assertThat(result(control.returnToHold(CallId.of(CALL)))).isEqualTo(CommandResult.ACCEPTED);
        assertThat(result(control.hold(CallId.of(CALL), LegId.of("pbx1/1700000000.0")))).isEqualTo(CommandResult.ACCEPTED);

        assertThat(sender.sent()).extracting(Wire::fields).containsExactly(
                exactly("Channel: " + CUSTOMER, "Context: switchboard-hold", "Exten: s", "Priority: 1"),
                exactly("Channel: " + CUSTOMER, "Variable: SWITCHBOARD_HOLD_REASON", "Value: HOLD"),
                exactly("Channel: " + CUSTOMER, "Context: switchboard-hold", "Exten: s", "Priority: 1"));
    }


    @Test
    void a_wait_announcement_sets_the_four_glue_variables_zero_meaning_not_said_then_redirects_to_announce()
            throws Exception {
        WaitAnnouncement said = new WaitAnnouncement(OptionalInt.of(2), OptionalInt.empty(),
                Optional.of(Duration.ofSeconds(150)));

        assertThat(result(control(sender).announceWait(CallId.of(CALL), said))).isEqualTo(CommandResult.ACCEPTED);

        assertThat(sender.sent()).extracting(Wire::fields).containsExactly(
                exactly("Channel: " + CUSTOMER, "Variable: SWITCHBOARD_ANNOUNCE_POSITION", "Value: 2"),
                exactly("Channel: " + CUSTOMER, "Variable: SWITCHBOARD_ANNOUNCE_MORE_THAN", "Value: 0"),
                exactly("Channel: " + CUSTOMER, "Variable: SWITCHBOARD_ANNOUNCE_MINUTES", "Value: 2"),
                exactly("Channel: " + CUSTOMER, "Variable: SWITCHBOARD_ANNOUNCE_SECONDS", "Value: 30"),
                exactly("Channel: " + CUSTOMER, "Context: switchboard-announce", "Exten: s", "Priority: 1"));
    }

    @Test
    void a_confirmed_callback_redirects_the_waiting_customer_to_the_callback_context() throws Exception {
        assertThat(result(control(sender).confirmCallback(CallId.of(CALL)))).isEqualTo(CommandResult.ACCEPTED);

        assertThat(sender.sent()).extracting(Wire::fields).containsExactly(
                exactly("Channel: " + CUSTOMER, "Context: switchboard-callback", "Exten: s", "Priority: 1"));
    }

    @Test
    void a_callback_for_a_call_without_a_live_channel_sends_nothing() throws Exception {
        assertThat(result(control(sender).confirmCallback(CallId.of("pbx1/gone"))))
                .isEqualTo(new CommandResult.Failed("ami-unknown-call", "no live channel known for call pbx1/gone"));
        assertThat(sender.sent()).isEmpty();
    }

    @Test
    void a_callback_is_originated_with_its_variable_for_the_glue_and_without_amd() throws Exception {
        OriginateRequest request = new OriginateRequest(CallId.of("pbx1/callback-7"), LegId.of("pbx1/callback-7"),
                new PhoneNumber("+4930123456"), Optional.empty(), Duration.ofSeconds(20), Duration.ofSeconds(15), false,
                Map.of("SWITCHBOARD_CALLBACK", "pbx1/1700000000.0"));

        assertThat(result(control(sender).originate(request))).isEqualTo(CommandResult.ACCEPTED);

        var originate = sender.sent().get(0);
        assertThat(originate.header("Context")).hasValue("switchboard-outbound");
        assertThat(originate.header("ChannelId")).hasValue("callback-7");
        assertThat(originate.variables()).contains("SWITCHBOARD_CALLBACK=pbx1/1700000000.0",
                "SWITCHBOARD_CALL=pbx1/callback-7", "SWITCHBOARD_LEG=pbx1/callback-7");
    }

    @Test
    void originate_is_async_into_the_outbound_context_rings_at_least_15_s_and_names_the_uniqueid() throws Exception {
        OriginateRequest request = new OriginateRequest(CallId.of("pbx1/dialer-42"), LegId.of("pbx1/dialer-42"),
                new PhoneNumber("+4930123456"), Optional.of(new PhoneNumber("+4930999999")), Duration.ofSeconds(10),
                Duration.ofSeconds(5), true, Map.of("SWITCHBOARD_CAMPAIGN", "c1"));

        assertThat(result(control(sender).originate(request))).isEqualTo(CommandResult.ACCEPTED);

        var originate = sender.sent().get(0);
        assertThat(originate.name()).isEqualTo("Originate");
        assertThat(originate.header("Channel")).hasValue("PJSIP/+4930123456@trunk");
        assertThat(originate.header("Context")).hasValue("switchboard-outbound");
        assertThat(originate.header("Exten")).hasValue("s");
        assertThat(originate.header("Priority")).hasValue("1");
        assertThat(originate.header("Async")).hasValue("true");
        assertThat(originate.header("Timeout").map(Long::parseLong)).hasValueSatisfying(ms -> assertThat(ms).isGreaterThanOrEqualTo(15_000));
        assertThat(originate.header("ChannelId")).hasValue("dialer-42");
        assertThat(originate.header("CallerID")).hasValue("+4930999999");
        assertThat(originate.variables()).containsExactlyInAnyOrder("SWITCHBOARD_CAMPAIGN=c1",
                "SWITCHBOARD_CALL=pbx1/dialer-42", "SWITCHBOARD_LEG=pbx1/dialer-42");
    }

    @Test
    void an_agent_session_originates_the_device_into_the_agents_session_extension_under_the_legs_uniqueid()
            throws Exception {
        assertThat(result(control(sender).openAgentSession(AgentId.of("a7"), LegId.of("pbx1/sb-a7-1"), "SIP/1001")))
                .isEqualTo(CommandResult.ACCEPTED);

        var originate = sender.sent().get(0);
        assertThat(originate.name()).isEqualTo("Originate");
        assertThat(originate.header("Channel")).hasValue("SIP/1001");
        assertThat(originate.header("Context")).hasValue("switchboard-agent-session");
        assertThat(originate.header("Exten")).hasValue("a7");
        assertThat(originate.header("Priority")).hasValue("1");
        assertThat(originate.header("Async")).hasValue("true");
        assertThat(originate.header("ChannelId")).hasValue("sb-a7-1");
    }

    @Test
    void closing_an_agent_session_hangs_up_the_sessions_channel_and_an_unknown_one_is_refused() throws Exception {
        FakeCallChannels withSession = new FakeCallChannels().call("pbx1/sb-a7-1", "SIP/1001-00000007");
        AmiCallControl control = control(sender, withSession, Duration.ofSeconds(2));

        assertThat(result(control.closeAgentSession(AgentId.of("a7"), LegId.of("pbx1/sb-a7-1"))))
                .isEqualTo(CommandResult.ACCEPTED);
        assertThat(result(control.closeAgentSession(AgentId.of("a7"), LegId.of("pbx1/gone"))))
                .isInstanceOfSatisfying(CommandResult.Failed.class, f -> assertThat(f.errorId()).isEqualTo("ami-unknown-leg"));

        assertThat(sender.sent()).singleElement().satisfies(hangup -> {
            assertThat(hangup.name()).isEqualTo("Hangup");
            assertThat(hangup.header("Channel")).hasValue("SIP/1001-00000007");
        });
    }

    @Test
    void an_originate_for_another_pbxs_call_id_is_refused_without_sending() throws Exception {
        OriginateRequest request = new OriginateRequest(CallId.of("pbx2/x"), LegId.of("pbx2/x"), new PhoneNumber("+4930123456"),
                Optional.empty(), Duration.ofSeconds(20), Duration.ZERO, false, Map.of());

        assertThat(result(control(sender).originate(request))).isInstanceOfSatisfying(CommandResult.Failed.class,
                f -> assertThat(f.errorId()).isEqualTo("ami-foreign-call"));
        assertThat(sender.sent()).isEmpty();
    }

    @Test
    void hangup_sends_the_q850_cause_for_the_customers_channel() throws Exception {
        assertThat(result(control(sender).hangup(CallId.of(CALL), HangupCause.NORMAL_CLEARING))).isEqualTo(CommandResult.ACCEPTED);

        assertThat(fields(sender.sent().get(0))).isEqualTo(exactly("Channel: " + CUSTOMER, "Cause: 16"));
    }

    @Test
    void blind_transfer_sets_the_admins_context_and_redirects_to_the_number() throws Exception {
        assertThat(result(control(sender).blindTransfer(CallId.of(CALL), new Destination.Number(new PhoneNumber("+4930123456")))))
                .isEqualTo(CommandResult.ACCEPTED);

        assertThat(sender.sent()).extracting(Wire::fields).containsExactly(
                exactly("Channel: " + CUSTOMER, "Variable: SWITCHBOARD_TRANSFER_CONTEXT", "Value: from-switchboard-transfer"),
                exactly("Channel: " + CUSTOMER, "Context: switchboard-transfer", "Exten: +4930123456", "Priority: 1"));
    }

    @Test
    void leaving_the_queue_sets_queuestatus_and_the_exit_context_then_redirects_to_switchboard_exit() throws Exception {
        assertThat(result(control(sender).leaveQueue(CallId.of(CALL), new DialplanTarget("voicemail", "8001"),
                "LEAVEEMPTY"))).isEqualTo(CommandResult.ACCEPTED);

        assertThat(sender.sent()).extracting(Wire::fields).containsExactly(
                exactly("Channel: " + CUSTOMER, "Variable: QUEUESTATUS", "Value: LEAVEEMPTY"),
                exactly("Channel: " + CUSTOMER, "Variable: SWITCHBOARD_EXIT_CONTEXT", "Value: voicemail"),
                exactly("Channel: " + CUSTOMER, "Context: switchboard-exit", "Exten: 8001", "Priority: 1"));
    }

    @Test
    void leaving_the_queue_of_an_unknown_call_fails_without_sending() throws Exception {
        assertThat(result(control(sender).leaveQueue(CallId.of("pbx1/nobody"), new DialplanTarget("voicemail", "8001"),
                "TIMEOUT"))).isInstanceOfSatisfying(CommandResult.Failed.class,
                f -> assertThat(f.errorId()).isEqualTo("ami-unknown-call"));
        assertThat(sender.sent()).isEmpty();
    }

    @Test
    void attended_transfer_acts_on_the_transferrers_own_channel() throws Exception {
        assertThat(result(control(sender).attendedTransfer(CallId.of(CALL), LegId.of("pbx1/1700000000.3"),
                new Destination.Number(new PhoneNumber("+4930123456"))))).isEqualTo(CommandResult.ACCEPTED);

        assertThat(sender.sent()).extracting(Wire::fields).containsExactly(
                exactly("Channel: " + AGENT, "Variable: SWITCHBOARD_TRANSFER_CONTEXT", "Value: from-switchboard-transfer"),
                exactly("Channel: " + AGENT, "Exten: +4930123456", "Context: switchboard-transfer", "Priority: 1"));
    }

    @Test
    void attended_transfer_of_an_unknown_leg_fails_without_sending() throws Exception {
        assertThat(result(control(sender).attendedTransfer(CallId.of(CALL), LegId.of("pbx1/nobody"),
                new Destination.Number(new PhoneNumber("+4930123456"))))).isInstanceOfSatisfying(CommandResult.Failed.class,
                f -> assertThat(f.errorId()).isEqualTo("ami-unknown-leg"));
        assertThat(sender.sent()).isEmpty();
    }

    @Test
    void recording_commands_name_the_customers_channel() throws Exception {
        AmiCallControl control = control(sender);
        CallId call = CallId.of(CALL);
        for (var stage : List.of(control.startRecording(call, "rec-1"), control.pauseRecording(call),
                control.resumeRecording(call), control.stopRecording(call))) {
            assertThat(result(stage)).isEqualTo(CommandResult.ACCEPTED);
        }

        assertThat(sender.names()).containsExactly("MixMonitor", "MixMonitorMute", "MixMonitorMute", "StopMixMonitor");
        assertThat(sender.sent()).extracting(Wire::fields).containsExactly(
                exactly("Channel: " + CUSTOMER, "File: rec-1.wav", "Options: b"),
                exactly("Channel: " + CUSTOMER, "Direction: both", "State: 1"),
                exactly("Channel: " + CUSTOMER, "Direction: both", "State: 0"),
                exactly("Channel: " + CUSTOMER));
    }

    @Test
    void listen_spies_on_the_customer_and_whisper_on_the_agent() throws Exception {
        AmiCallControl control = control(sender);
        assertThat(result(control.monitor(CallId.of(CALL), LegId.of("pbx1/sup-1"), "PJSIP/2001", MonitorMode.LISTEN)))
                .isEqualTo(CommandResult.ACCEPTED);
        assertThat(result(control.monitor(CallId.of(CALL), LegId.of("pbx1/sup-2"), "PJSIP/2001", MonitorMode.WHISPER)))
                .isEqualTo(CommandResult.ACCEPTED);

        var listen = sender.sent().get(0);
        var whisper = sender.sent().get(1);
        assertThat(listen.header("Context")).hasValue("switchboard-spy");
        assertThat(listen.header("Exten")).hasValue("listen");
        assertThat(whisper.header("Exten")).hasValue("whisper");
        for (var spy : List.of(listen, whisper)) {
            assertThat(spy.header("Channel")).hasValue("PJSIP/2001");
            assertThat(spy.header("Priority")).hasValue("1");
            assertThat(spy.header("Async")).hasValue("true");
            assertThat(spy.header("Timeout").map(Long::parseLong)).hasValueSatisfying(ms -> assertThat(ms).isGreaterThanOrEqualTo(15_000));
        }
        assertThat(listen.header("ChannelId")).hasValue("sup-1");
        assertThat(listen.variables()).containsExactlyInAnyOrder("SWITCHBOARD_SPY_TARGET=" + CUSTOMER,
                "SWITCHBOARD_CALL=" + CALL, "SWITCHBOARD_LEG=pbx1/sup-1");
        assertThat(whisper.variables()).contains("SWITCHBOARD_SPY_TARGET=" + AGENT);
    }

    @Test
    void whisper_without_a_known_agent_channel_fails_without_sending() throws Exception {
        AmiCallControl control = control(sender, new FakeCallChannels().call(CALL, CUSTOMER), Duration.ofSeconds(2));

        assertThat(result(control.monitor(CallId.of(CALL), LegId.of("pbx1/sup-1"), "PJSIP/2001", MonitorMode.WHISPER)))
                .isInstanceOfSatisfying(CommandResult.Failed.class, f -> assertThat(f.errorId()).isEqualTo("ami-unknown-leg"));
        assertThat(sender.sent()).isEmpty();
    }

    @Test
    void a_call_without_a_live_channel_fails_without_sending() throws Exception {
        assertThat(result(control(sender).hangup(CallId.of("pbx1/gone"), HangupCause.NORMAL_CLEARING)))
                .isEqualTo(new CommandResult.Failed("ami-unknown-call", "no live channel known for call pbx1/gone"));
        assertThat(sender.sent()).isEmpty();
    }

    @Test
    void a_refused_setvar_fails_the_connect_and_withdraws_the_agent_leg() throws Exception {
        sender.refusing("Setvar", "No such channel").refusing("Redirect", "No such channel");

        CommandResult result = result(control(sender).connectToAgent(CallId.of(CALL), LegId.of("pbx1/a"), "PJSIP/1001",
                Duration.ofSeconds(15)));

        assertThat(result).isInstanceOfSatisfying(CommandResult.Failed.class, f -> {
            assertThat(f.errorId()).isEqualTo("ami-no-such-channel");
            assertThat(f.message()).startsWith("SetVar");
        });
        assertThat(sender.names()).as("sent together: a missing channel refuses all four")
                .containsExactly("SetVar", "SetVar", "SetVar", "Redirect");
        assertThat(channels.expectedAgentLeg(CALL)).as("nothing will dial the agent").isEmpty();
    }

    @Test
    void the_connects_four_actions_go_out_before_any_answer_and_it_waits_for_all_four() throws Exception {
        sender.silentOn("Setvar");

        CompletionStage<CommandResult> pending = control(sender).connectToAgent(CallId.of(CALL), LegId.of("pbx1/a"),
                "PJSIP/1001", Duration.ofSeconds(15));

        assertThat(sender.names()).containsExactly("SetVar", "SetVar", "SetVar", "Redirect");
        assertThat(pending.toCompletableFuture()).as("the Setvars are not answered yet").isNotDone();
    }

    @Test
    void a_blind_transfer_still_waits_for_its_setvar_before_the_redirect() throws Exception {
        sender.silentOn("Setvar");

        control(sender).blindTransfer(CallId.of(CALL), new Destination.Number(new PhoneNumber("+4930123456")));

        assertThat(sender.names()).containsExactly("SetVar");
    }

    @Test
    void no_response_within_the_timeout_fails_the_stage_with_ami_timeout() throws Exception {
        sender.silentOn("Redirect");
        AmiCallControl control = control(sender, channels, Duration.ofMillis(30));

        Throwable failure = failure(control.returnToHold(CallId.of(CALL)), Duration.ofSeconds(2));

        assertThat(failure).isInstanceOfSatisfying(PbxUnavailableException.class, e -> {
            assertThat(e.errorId()).isEqualTo("ami-timeout");
            assertThat(e.pbx()).isEqualTo(PbxId.of("pbx1"));
            assertThat(e.getMessage()).contains("Redirect", "30 ms");
        });
        assertThat(sender.names()).containsExactly("Redirect");
    }

    @Test
    void a_connection_that_is_not_logged_in_fails_the_stage_with_ami_not_connected() throws Exception {
        String secret = "t0p-s3cret";
        AmiConnection notStarted = new AmiConnection(
                new AmiSettings("pbx1", "127.0.0.1", 5038, "cti", secret, Duration.ofSeconds(1)),
                AmiConnection.factory(), RetryPolicy.exponential(Duration.ofMillis(1), Duration.ofMillis(5), 3,
                        new SplittableRandom(1)), timer, Clock.systemUTC(), event -> List.of(),
                new RegistryResync(new ChannelRegistry(PbxId.of("pbx1"), Clock.systemUTC())), new AmiPbxEvents());

        Throwable failure = failure(control(notStarted::send).returnToHold(CallId.of(CALL)), Duration.ofSeconds(2));

        assertThat(failure).isInstanceOfSatisfying(PbxUnavailableException.class, e -> {
            assertThat(e.errorId()).isEqualTo("ami-not-connected");
            assertThat(e.pbx()).isEqualTo(PbxId.of("pbx1"));
            assertThat(e.getMessage()).contains("Redirect", "pbx1").doesNotContain(secret);
        });
    }

    private AmiCallControl control(ActionSender actions) {
        return control(actions, channels, Duration.ofSeconds(2));
    }

    private AmiCallControl control(ActionSender actions, CallChannels callChannels, Duration timeout) {
        return new AmiCallControl(PbxId.of("pbx1"), actions, callChannels, "PJSIP/{number}@trunk",
                "from-switchboard-transfer", timer, Runnable::run, timeout);
    }
}
