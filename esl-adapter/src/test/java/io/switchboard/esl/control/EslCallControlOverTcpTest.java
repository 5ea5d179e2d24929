package io.switchboard.esl.control;

import io.switchboard.core.call.HangupCause;
import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.event.PbxEvent;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;
import io.switchboard.core.id.PbxId;
import io.switchboard.core.port.CommandResult;
import io.switchboard.core.port.OriginateRequest;
import io.switchboard.core.retry.RetryPolicy;
import io.switchboard.esl.EslSettings;
import io.switchboard.esl.EventEncoding;
import io.switchboard.esl.connection.EslConnection;
import io.switchboard.esl.connection.EslPbxEvents;
import io.switchboard.esl.transcript.TranscriptEslServer;
import io.switchboard.esl.translate.EslChannels;
import io.vertx.core.Vertx;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link EslCallControl} over a real socket and {@link EslConnection}, against a server replaying what a real
 * FreeSWITCH 1.10 answered to the same commands: the dialer's bridge of fixture 07, the busy originate of
 * fixture 06.
 */
class EslCallControlOverTcpTest {

    private static final PbxId PBX = PbxId.of("fs1");
    private static final String CUSTOMER = "7ed41449-9950-42b2-9f65-d23a4a4fca7f";
    private static final String AGENT_SESSION = "7b4824ec-803b-4d44-b8de-3db9c63d547b";

    private final Vertx vertx = Vertx.vertx();
    private final ExecutorService events = Executors.newSingleThreadExecutor(r -> new Thread(r, "esl-events-test"));
    private final ExecutorService completions = Executors.newSingleThreadExecutor(r -> new Thread(r, "control-test"));
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final List<PbxEvent> published = new CopyOnWriteArrayList<>();
    private TranscriptEslServer server;
    private EslConnection connection;

    @AfterEach
    void stop() throws Exception {
        connection.stop().await(5, TimeUnit.SECONDS);
        server.close();
        vertx.close().await(5, TimeUnit.SECONDS);
        events.shutdownNow();
        completions.shutdownNow();
        timer.shutdownNow();
    }

    @Test
    void the_dialers_customer_is_bridged_to_the_nailed_up_agent_with_the_uuid_bridge_fixture_07_recorded() throws Exception {
        EslCallControl control = connectedTo("07-outbound-dialer-nailed-agent.esl.txt");
        CallId call = CallId.of("fs1/" + CUSTOMER);

        CommandResult session = get(control.openAgentSession(AgentId.of("a17"), LegId.of("fs1/" + AGENT_SESSION), "null/agent1"));
        CommandResult dialled = get(control.originate(customer(call)));
        CommandResult joined = get(control.joinToAgent(call, AgentId.of("a17")));

        assertThat(List.of(session, dialled, joined)).containsOnly(CommandResult.ACCEPTED);
        assertThat(server.commands()).contains("api " + EslCallControlTest.recorded("07-outbound-dialer-nailed-agent.esl.txt", "uuid_bridge"));
        assertThat(server.problems()).isEmpty();
        await(() -> published.stream().anyMatch(PbxEvent.CallConnected.class::isInstance));
        assertThat(published).filteredOn(PbxEvent.CallConnected.class::isInstance).map(PbxEvent.CallConnected.class::cast)
                .extracting(PbxEvent.CallConnected::call, PbxEvent.CallConnected::leg, PbxEvent.CallConnected::agentLeg)
                .first().isEqualTo(org.assertj.core.groups.Tuple.tuple(call, LegId.of(call.value()), LegId.of("fs1/" + AGENT_SESSION)));
    }

    @Test
    void a_busy_customer_is_a_placed_call_published_as_originate_failed_with_the_cause() throws Exception {
        EslCallControl control = connectedTo("06-agent-busy-noanswer-failures.esl.txt");
        CallId call = CallId.of("fs1/80275f48-5f5c-47a7-8fd5-e8029153b60f");

        CommandResult result = get(control.originate(customer(call)));

        assertThat(result).isEqualTo(CommandResult.ACCEPTED);
        await(() -> published.stream().anyMatch(PbxEvent.OriginateFailed.class::isInstance));
        assertThat(published).filteredOn(PbxEvent.OriginateFailed.class::isInstance)
                .extracting(e -> ((PbxEvent.OriginateFailed) e).call(), e -> ((PbxEvent.OriginateFailed) e).cause())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(call, HangupCause.USER_BUSY));
    }

    private EslCallControl connectedTo(String fixture) throws Exception {
        server = TranscriptEslServer.playing(fixture);
        EslPbxEvents out = new EslPbxEvents();
        out.subscribe(published::add);
        EslSettings settings = new EslSettings("127.0.0.1", server.port(), "ClueCon", Duration.ofSeconds(2),
                EventEncoding.PLAIN, Duration.ofSeconds(5));
        connection = new EslConnection(PBX, settings, vertx, RetryPolicy.exponential(Duration.ofMillis(20),
                Duration.ofMillis(80), Integer.MAX_VALUE, new SplittableRandom(7)), Clock.systemUTC(), events,
                new EslChannels(PBX), Map.of(), out);
        connection.start();
        await(() -> published.stream().anyMatch(PbxEvent.PbxConnected.class::isInstance));
        CallLegs legs = new FakeCallLegs().session("a17", "fs1/" + AGENT_SESSION);
        return new EslCallControl(PBX, EslSender.of(connection), legs, "sofia/internal/{number}@127.0.0.1:15071", "default",
                "/rec", timer, completions, Duration.ofMillis(700));
    }

    private static OriginateRequest customer(CallId call) {
        return new OriginateRequest(call, LegId.of(call.value()), PhoneNumber.parse("+4930123456", "to"),
                Optional.of(PhoneNumber.parse("+4930999000", "callerId")), Duration.ofSeconds(20), Duration.ofSeconds(15),
                true, Map.of("SWITCHBOARD_TASK", "task-1"));
    }

    private static CommandResult get(java.util.concurrent.CompletionStage<CommandResult> stage) throws Exception {
        return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out");
            }
            Thread.sleep(5);
        }
    }
}
