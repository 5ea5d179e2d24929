package io.switchboard.ami.control;

import io.switchboard.ami.AmiSettings;
import io.switchboard.ami.connection.AmiConnection;
import io.switchboard.ami.connection.AmiConnectionState;
import io.switchboard.ami.connection.AmiPbxEvents;
import io.switchboard.ami.connection.ChannelResync;
import io.switchboard.ami.transcript.TranscriptAmiServer;
import io.switchboard.core.call.HangupCause;
import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.event.PbxEvent;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;
import io.switchboard.core.id.PbxId;
import io.switchboard.core.port.CommandResult;
import io.switchboard.core.port.OriginateRequest;
import io.switchboard.core.retry.RetryPolicy;
import io.switchboard.sim.ami.AmiAction;
import org.asteriskjava.manager.action.AbstractManagerAction;
import org.asteriskjava.manager.action.CommandAction;
import org.asteriskjava.manager.action.GetVarAction;
import org.asteriskjava.manager.action.HangupAction;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.action.PingAction;
import org.asteriskjava.manager.action.SetVarAction;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.asteriskjava.manager.response.ManagerResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import static io.switchboard.ami.control.Wire.result;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link AmiCallControl} through the real Asterisk-Java client and {@link AmiConnection} against the
 * recorded Asterisk 20 sessions: the responses are the bytes Asterisk wrote, and the actions are checked
 * as they arrived on the socket. The recordings used the fixture dialplan's contexts, so only the action
 * names have to match them; the fields are Switchboard's own.
 */
class AmiCallControlTranscriptTest {

    private static final String HELD = "Local/s@hold-00000000;2";
    private static final CallId CALL = CallId.of("pbx1/1764000000.1");

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService completions = Executors.newSingleThreadExecutor(r -> new Thread(r, "completions"));
    private final List<ManagerResponse> responses = new CopyOnWriteArrayList<>();
    private TranscriptAmiServer server;
    private AmiConnection connection;

    @AfterEach
    void tearDown() throws Exception {
        if (connection != null) {
            connection.stop();
        }
        scheduler.shutdown();
        scheduler.awaitTermination(2, TimeUnit.SECONDS);
        completions.shutdownNow();
        server.close();
    }

    @Test
    void fixture_05_redirect_and_hangup_of_the_held_customer_are_accepted() throws Exception {
        AmiCallControl control = connect("05-hold-redirect-agent-answers.ami.txt");

        assertThat(result(control.originate(customer("pbx1/cust-1")))).isEqualTo(CommandResult.ACCEPTED);
        assertThat(result(control.returnToHold(CALL))).isEqualTo(CommandResult.ACCEPTED);
        assertThat(result(control.hangup(CALL, HangupCause.NORMAL_CLEARING))).isEqualTo(CommandResult.ACCEPTED);

        AmiAction originate = server.lastReceived("Originate");
        assertThat(originate.header("Context")).hasValue("switchboard-outbound");
        assertThat(originate.header("Exten")).hasValue("s");
        assertThat(originate.header("Priority")).hasValue("1");
        assertThat(originate.header("Async")).hasValue("true");
        assertThat(originate.header("Timeout")).hasValue("15000");
        assertThat(originate.header("ChannelId")).hasValue("cust-1");
        assertThat(originate.variables()).as("one Variable header each, as Asterisk 20 wants them")
                .containsExactlyInAnyOrder("SWITCHBOARD_CALL=pbx1/cust-1", "SWITCHBOARD_LEG=pbx1/cust-1",
                        "SWITCHBOARD_TASK=t-9");
        assertThat(Wire.fields(server.lastReceived("Redirect"))).isEqualTo(Wire.exactly("Channel: " + HELD,
                "Context: switchboard-hold", "Exten: s", "Priority: 1"));
        assertThat(Wire.fields(server.lastReceived("Hangup"))).isEqualTo(Wire.exactly("Channel: " + HELD, "Cause: 16"));
        assertThat(server.problems()).isEmpty();
    }

    @Test
    void fixture_15_a_redirect_to_a_missing_extension_is_accepted_and_the_later_hangup_finds_no_channel() throws Exception {
        AmiCallControl control = connect("15-redirect-to-missing-extension.ami.txt");

        assertThat(result(control.originate(customer("pbx1/cust-1")))).isEqualTo(CommandResult.ACCEPTED);
        assertThat(result(control.returnToHold(CALL))).as("Quirk 20: Redirect successful, then the channel hangs up")
                .isEqualTo(CommandResult.ACCEPTED);
        CommandResult hangup = result(control.hangup(CALL, HangupCause.NORMAL_CLEARING));

        assertThat(hangup).isEqualTo(new CommandResult.Failed("ami-no-such-channel", "Hangup: No such channel"));
        assertThat(server.problems()).isEmpty();
    }

    @Test
    void fixture_09_async_originates_are_accepted_and_the_refused_synchronous_one_is_a_failed_value() throws Exception {
        AmiCallControl control = connect("09-originate-failures.ami.txt");

        for (String call : List.of("pbx1/nolisten", "pbx1/busy", "pbx1/noanswer", "pbx1/noexten")) {
            assertThat(result(control.originate(customer(call)))).as(call).isEqualTo(CommandResult.ACCEPTED);
        }
        OriginateAction synchronous = new OriginateAction();
        synchronous.setChannel("Local/agent-busy@agents");
        synchronous.setContext("caller");
        synchronous.setExten("s");
        synchronous.setPriority(1);
        synchronous.setTimeout(10_000L);

        CommandResult refused = result(commands().send(synchronous));

        assertThat(refused).isEqualTo(new CommandResult.Failed("ami-action-failed", "Originate: Originate failed"));
        assertThat(server.actionsReceived()).extracting(a -> a.header("Async").orElse("-"))
                .containsExactly("-", "true", "true", "true", "true", "-");
        assertThat(server.problems()).isEmpty();
    }

    @Test
    void fixture_14_setvar_and_getvar_answers_map_to_accepted_or_the_refusal() throws Exception {
        connect("14-misc-actions-and-shutdown.ami.txt");
        AmiCommands commands = commands();

        assertThat(result(commands.send(new PingAction()))).isEqualTo(CommandResult.ACCEPTED);
        assertThat(result(commands.send(new GetVarAction("CTI_GLOBAL")))).isEqualTo(CommandResult.ACCEPTED);
        assertThat(result(commands.send(new SetVarAction("CTI_GLOBAL", "changed by AMI")))).isEqualTo(CommandResult.ACCEPTED);
        assertThat(result(commands.send(new GetVarAction("CTI_GLOBAL")))).isEqualTo(CommandResult.ACCEPTED);
        assertThat(result(commands.send(new GetVarAction("NO_SUCH_VAR")))).isEqualTo(CommandResult.ACCEPTED);
        assertThat(result(commands.send(new GetVarAction("SIP/nonexistent-00000000", "CALLERID(num)"))))
                .isEqualTo(new CommandResult.Failed("ami-no-such-channel", "GetVar: No such channel"));
        assertThat(result(commands.send(customerOriginate()))).isEqualTo(CommandResult.ACCEPTED);
        assertThat(result(commands.send(new GetVarAction(HELD, "CALLERID(num)")))).isEqualTo(CommandResult.ACCEPTED);
        assertThat(result(commands.send(new SetVarAction(HELD, "CTI_TICKET", "T-4711")))).isEqualTo(CommandResult.ACCEPTED);
        assertThat(result(commands.send(new GetVarAction(HELD, "CTI_TICKET")))).isEqualTo(CommandResult.ACCEPTED);
        assertThat(result(commands.send(new CommandAction("core show version")))).isEqualTo(CommandResult.ACCEPTED);
        assertThat(result(commands.send(new CommandAction("no such cli command"))))
                .isEqualTo(new CommandResult.Failed("ami-action-failed", "Command: Command output follows"));
        assertThat(result(commands.send(new NamedAction("FooBar")))).isInstanceOfSatisfying(CommandResult.Failed.class,
                f -> assertThat(f.errorId()).isEqualTo("ami-unknown-action"));
        assertThat(result(commands.send(new NamedAction("UserEvent")))).isEqualTo(CommandResult.ACCEPTED);
        assertThat(result(commands.send(new HangupAction("Local/s@hold-00000000;1")))).isEqualTo(CommandResult.ACCEPTED);

        assertThat(responses).extracting(r -> r.getAttribute("value"))
                .as("the Getvar values as recorded: global, changed global, unset (Quirk 10), live channel x2")
                .filteredOn(v -> v != null)
                .containsExactly("initial", "changed by AMI", "", "5550001", "T-4711");
        assertThat(Wire.fields(server.actionsReceived().get(9))).isEqualTo(Wire.exactly("Channel: " + HELD,
                "Variable: CTI_TICKET", "Value: T-4711"));
        assertThat(server.problems()).isEmpty();
    }

    private AmiCallControl connect(String fixture) throws Exception {
        server = TranscriptAmiServer.playing(fixture);
        connection = new AmiConnection(new AmiSettings("pbx1", "127.0.0.1", server.port(), "cti", "s3cr3t", Duration.ofSeconds(2)),
                AmiConnection.factory(), RetryPolicy.exponential(Duration.ofMillis(1), Duration.ofMillis(5), Integer.MAX_VALUE,
                        new SplittableRandom(7)), scheduler, Clock.systemUTC(), event -> List.of(), new NoResync(), new AmiPbxEvents());
        connection.start();
        await(() -> connection.state() == AmiConnectionState.LOGGED_IN);
        return new AmiCallControl(PbxId.of("pbx1"), this::send, new FakeCallChannels().call(CALL.value(), HELD),
                "Local/{number}@switchboard-dial", "from-switchboard-transfer", scheduler, completions, Duration.ofSeconds(2));
    }

    private AmiCommands commands() {
        return new AmiCommands(PbxId.of("pbx1"), this::send, scheduler, completions, Duration.ofSeconds(2));
    }

    /** {@code AmiConnection::send}, keeping each response for the test to read. */
    private void send(ManagerAction action, org.asteriskjava.manager.SendActionCallback callback) throws java.io.IOException {
        connection.send(action, response -> {
            responses.add(response);
            callback.onResponse(response);
        });
    }

    private static OriginateRequest customer(String call) {
        return new OriginateRequest(CallId.of(call), LegId.of(call), new PhoneNumber("+4930123456"), Optional.empty(),
                Duration.ofSeconds(10), Duration.ZERO, false, Map.of("SWITCHBOARD_TASK", "t-9"));
    }

    private static OriginateAction customerOriginate() {
        OriginateAction action = new OriginateAction();
        action.setChannel("Local/s@hold");
        action.setContext("caller");
        action.setExten("s");
        action.setPriority(1);
        action.setTimeout(30_000L);
        action.setAsync(true);
        return action;
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 5 s");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }

    /** An action with no fields but its name, for actions Asterisk-Java has no class for (or needs none). */
    public static final class NamedAction extends AbstractManagerAction {

        private static final long serialVersionUID = 1L;
        private final String name;

        NamedAction(String name) {
            this.name = name;
        }

        @Override
        public String getAction() {
            return name;
        }
    }

    private static final class NoResync implements ChannelResync {

        @Override
        public void connectionLost() {
        }

        @Override
        public List<PbxEvent> resynced(List<CoreShowChannelEvent> liveChannels) {
            return List.of();
        }
    }
}
