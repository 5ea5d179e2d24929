package io.switchboard.esl.connection;

import io.switchboard.core.event.PbxEvent;
import io.switchboard.core.id.PbxId;
import io.switchboard.core.retry.RetryPolicy;
import io.switchboard.esl.EslSettings;
import io.switchboard.esl.EventEncoding;
import io.switchboard.esl.transcript.EslTranscript;
import io.switchboard.esl.transcript.TranscriptEslServer;
import io.switchboard.esl.translate.EslChannels;
import io.switchboard.esl.wire.EslFrame;
import io.vertx.core.Vertx;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** An {@link EslConnection} to a {@link TranscriptEslServer}, with what it publishes collected. */
final class ConnectionFixture implements AutoCloseable {

    static final PbxId PBX = PbxId.of("fs1");

    final TranscriptEslServer server;
    final Vertx vertx = Vertx.vertx();
    final ExecutorService events = Executors.newSingleThreadExecutor(r -> new Thread(r, "esl-events-test"));
    final List<PbxEvent> published = new CopyOnWriteArrayList<>();
    final EslConnection connection;

    ConnectionFixture(String fixture, String password, EventEncoding encoding, Duration replyTimeout) throws Exception {
        server = TranscriptEslServer.playing(fixture);
        EslPbxEvents out = new EslPbxEvents();
        out.subscribe(published::add);
        EslSettings settings = new EslSettings("127.0.0.1", server.port(), password, Duration.ofSeconds(2), encoding,
                replyTimeout);
        RetryPolicy backoff = RetryPolicy.exponential(Duration.ofMillis(20), Duration.ofMillis(80), Integer.MAX_VALUE,
                new SplittableRandom(7));
        connection = new EslConnection(PBX, settings, vertx, backoff, Clock.systemUTC(), events, new EslChannels(PBX),
                Map.of(), out);
    }

    static ConnectionFixture playing(String fixture) throws Exception {
        return new ConnectionFixture(fixture, "ClueCon", EventEncoding.PLAIN, Duration.ofSeconds(5));
    }

    ConnectionFixture started() {
        connection.start();
        return this;
    }

    ConnectionFixture loggedIn() {
        connection.start();
        await(() -> published.stream().anyMatch(PbxEvent.PbxConnected.class::isInstance), "logged in and resynced");
        return this;
    }

    <T extends PbxEvent> List<T> published(Class<T> type) {
        return published.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Polls until {@code condition} holds; the connection works on real sockets and timers. */
    static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.onSpinWait();
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** The first event named {@code eventName} in a fixture, as FreeSWITCH wrote it on the wire. */
    static String wireEvent(String fixture, String eventName) {
        EslFrame frame = EslTranscript.read(fixture).receivedFrames().stream()
                .filter(f -> f.isEvent() && f.body().startsWith("Event-Name: " + eventName + "\n")).findFirst()
                .orElseThrow();
        return "Content-Length: " + frame.body().getBytes(StandardCharsets.UTF_8).length
                + "\nContent-Type: text/event-plain\n\n" + frame.body();
    }

    @Override
    public void close() throws Exception {
        connection.stop().await(5, TimeUnit.SECONDS);
        server.close();
        vertx.close().await(5, TimeUnit.SECONDS);
        events.shutdownNow();
    }
}
