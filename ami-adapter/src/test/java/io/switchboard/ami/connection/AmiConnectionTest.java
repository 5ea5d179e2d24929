package io.switchboard.ami.connection;

import io.switchboard.ami.AmiSettings;
import io.switchboard.ami.transcript.TranscriptAmiServer;
import io.switchboard.core.event.PbxEvent;
import io.switchboard.core.retry.RetryPolicy;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

class AmiConnectionTest {

    private static final String SECRET = "s3cr3t-Wr0ng";

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final List<ManagerEvent> seen = new CopyOnWriteArrayList<>();
    private final List<PbxEvent> published = new CopyOnWriteArrayList<>();
    private final List<Integer> resyncs = new CopyOnWriteArrayList<>();
    private TranscriptAmiServer server;
    private AmiConnection connection;

    @AfterEach
    void tearDown() throws Exception {
        if (connection != null) {
            connection.stop();
        }
        scheduler.shutdown();
        scheduler.awaitTermination(2, TimeUnit.SECONDS);
        server.close();
    }

    @Test
    void a_successful_login_is_logged_in_resynced_and_announced() throws Exception {
        connect("01-login-success.ami.txt");

        await(() -> connection.state() == AmiConnectionState.LOGGED_IN);
        assertThat(connection.detail()).contains("logged in as cti").doesNotContain(SECRET);
        assertThat(server.actionsSeen()).startsWith("Challenge", "Login");
        await(() -> server.actionsSeen().contains("CoreShowChannels"));
        await(() -> published.stream().anyMatch(PbxEvent.PbxConnected.class::isInstance));
        assertThat(server.sessions()).isEqualTo(1);
    }

    @Test
    void a_refused_login_is_auth_failed_with_the_secret_masked_and_retried() throws Exception {
        connect("02-login-failure.ami.txt");

        await(() -> server.sessions() >= 2 && connection.status().failedAttempts() >= 1);
        AmiConnectionStatus status = connection.status();
        assertThat(status.state()).isIn(AmiConnectionState.AUTH_FAILED, AmiConnectionState.CONNECTING);
        await(() -> connection.state() == AmiConnectionState.AUTH_FAILED);
        assertThat(connection.detail()).contains("refused", "Authentication failed").doesNotContain(SECRET);
    }

    @Test
    void a_shutdown_event_disconnects_and_a_reconnect_is_attempted() throws Exception {
        connect("14-misc-actions-and-shutdown.ami.txt");

        // 14 waits for actions this test never sends, so the login is all it plays
        await(() -> connection.state() == AmiConnectionState.LOGGED_IN);
        server.inject(("Event: Shutdown\r\nPrivilege: system,all\r\nShutdown: Cleanly\r\nRestart: False\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));

        await(() -> published.stream().anyMatch(PbxEvent.PbxDisconnected.class::isInstance));
        await(() -> server.sessions() >= 2);
        assertThat(published).filteredOn(PbxEvent.PbxDisconnected.class::isInstance).first()
                .extracting(e -> ((PbxEvent.PbxDisconnected) e).reason()).asString().contains("shut down");
    }

    @Test
    void garbage_and_a_truncated_frame_do_not_drop_the_connection() throws Exception {
        connect("14-misc-actions-and-shutdown.ami.txt");
        await(() -> connection.state() == AmiConnectionState.LOGGED_IN);

        server.inject("\u0000\u00ff garbage without a colon\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        server.inject("Event: Newchannel\r\nChannel: SIP/trunc".getBytes(StandardCharsets.US_ASCII));
        server.inject("\r\n\r\nEvent: FullyBooted\r\nPrivilege: system,all\r\nStatus: Fully Booted\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));

        await(() -> seen.stream().filter(e -> e instanceof org.asteriskjava.manager.event.FullyBootedEvent).count() >= 2);
        assertThat(connection.state()).isEqualTo(AmiConnectionState.LOGGED_IN);
        assertThat(server.sessions()).isEqualTo(1);
    }

    private void connect(String fixture) throws Exception {
        server = TranscriptAmiServer.playing(fixture);
        AmiSettings settings = new AmiSettings("pbx1", "127.0.0.1", server.port(), "cti", SECRET, Duration.ofSeconds(2));
        AmiPbxEvents events = new AmiPbxEvents();
        events.subscribe(published::add);
        connection = new AmiConnection(settings, AmiConnection.factory(),
                RetryPolicy.exponential(Duration.ofMillis(1), Duration.ofMillis(5), Integer.MAX_VALUE, new SplittableRandom(7)),
                scheduler, Clock.systemUTC(), event -> {
                    seen.add(event);
                    return List.of();
                }, new ChannelResync() {
                    @Override
                    public void connectionLost() {
                    }

                    @Override
                    public List<PbxEvent> resynced(List<CoreShowChannelEvent> liveChannels) {
                        resyncs.add(liveChannels.size());
                        return List.of();
                    }
                }, events);
        connection.start();
    }

    static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 5 s");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }
}
