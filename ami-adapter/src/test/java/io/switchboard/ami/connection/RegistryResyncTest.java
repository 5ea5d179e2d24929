package io.switchboard.ami.connection;

import io.switchboard.ami.AmiSettings;
import io.switchboard.ami.channel.ChannelRegistry;
import io.switchboard.ami.channel.ChannelSnapshot;
import io.switchboard.ami.channel.LegEnd;
import io.switchboard.ami.transcript.TranscriptAmiServer;
import io.switchboard.core.call.HangupCause;
import io.switchboard.core.event.PbxEvent;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;
import io.switchboard.core.id.PbxId;
import io.switchboard.core.retry.RetryPolicy;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static io.switchboard.ami.connection.AmiConnectionTest.await;
import static org.assertj.core.api.Assertions.assertThat;

class RegistryResyncTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    private final ChannelRegistry registry = new ChannelRegistry(PbxId.of("pbx1"), Clock.fixed(NOW, ZoneOffset.UTC));
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private TranscriptAmiServer server;
    private AmiConnection connection;

    @AfterEach
    void tearDown() throws Exception {
        if (connection != null) {
            connection.stop();
        }
        scheduler.shutdown();
        scheduler.awaitTermination(2, TimeUnit.SECONDS);
        if (server != null) {
            server.close();
        }
    }

    @Test
    void a_call_that_ended_while_disconnected_is_returned_once_and_live_channels_keep_their_bridge() {
        CallId ended = inbound("SIP/127.0.0.1-00000000", "100.0");
        CallId alive = inbound("SIP/127.0.0.1-00000001", "101.0");
        RegistryResync resync = new RegistryResync(registry);

        resync.connectionLost();
        List<PbxEvent> events = resync.resynced(List.of(coreShowChannel("SIP/127.0.0.1-00000001", "101.0", "bridge-7")));

        assertThat(events).containsExactly(new PbxEvent.LegHungUp(PbxId.of("pbx1"), NOW, ended, LegId.of("pbx1/100.0"),
                HangupCause.OTHER));
        assertThat(registry.byUniqueid("101.0")).get().satisfies(c -> {
            assertThat(c.bridgeId()).hasValue("bridge-7");
            assertThat(c.callId()).hasValue(alive);
        });
        assertThat(resync.resynced(List.of(coreShowChannel("SIP/127.0.0.1-00000001", "101.0", "")))).isEmpty();
    }

    @Test
    void after_a_shutdown_every_old_leg_ends_once_and_a_reused_uniqueid_is_a_new_call() {
        CallId old = inbound("SIP/127.0.0.1-00000000", "100.0");
        CallId gone = inbound("SIP/127.0.0.1-00000001", "100.1");
        RegistryResync resync = new RegistryResync(registry);

        resync.pbxShutDown();
        List<PbxEvent> events = resync.resynced(List.of(coreShowChannel("SIP/127.0.0.1-00000000", "100.0", "")));

        assertThat(events).containsExactlyInAnyOrder(
                new PbxEvent.LegHungUp(PbxId.of("pbx1"), NOW, old, LegId.of("pbx1/100.0"), HangupCause.OTHER),
                new PbxEvent.LegHungUp(PbxId.of("pbx1"), NOW, gone, LegId.of("pbx1/100.1"), HangupCause.OTHER));
        assertThat(registry.announced("100.0")).as("not yet announced by the new PBX").isFalse();
        assertThat(registry.closed("100.0")).as("the new channel's end is reported")
                .contains(new LegEnd(CallId.of("pbx1/100.0"), LegId.of("pbx1/100.0")));
        assertThat(resync.resynced(List.of())).isEmpty();
    }

    @Test
    void after_a_login_the_legs_that_ended_unseen_are_published_once_before_pbx_connected() throws Exception {
        CallId ended = inbound("SIP/127.0.0.1-00000000", "100.0");
        List<PbxEvent> published = new CopyOnWriteArrayList<>();
        AmiPbxEvents events = new AmiPbxEvents();
        events.subscribe(published::add);
        server = TranscriptAmiServer.playing("01-login-success.ami.txt");
        connection = new AmiConnection(new AmiSettings("pbx1", "127.0.0.1", server.port(), "cti", "s3cr3t", Duration.ofSeconds(2)),
                AmiConnection.factory(), RetryPolicy.exponential(Duration.ofMillis(1), Duration.ofMillis(5), Integer.MAX_VALUE,
                        new SplittableRandom(7)), scheduler, Clock.systemUTC(), event -> List.of(), new RegistryResync(registry),
                events);

        connection.start();

        await(() -> published.stream().anyMatch(PbxEvent.PbxConnected.class::isInstance));
        assertThat(published).extracting(e -> (Object) e.getClass().getSimpleName())
                .containsExactly("LegHungUp", "PbxResynced", "PbxConnected");
        assertThat(published.get(0)).isEqualTo(new PbxEvent.LegHungUp(PbxId.of("pbx1"), NOW, ended, LegId.of("pbx1/100.0"),
                HangupCause.OTHER));
        assertThat(((PbxEvent.PbxResynced) published.get(1)).liveLegs()).as("the recorded list holds no channel")
                .isEmpty();
        assertThat(registry.channelOf(ended)).isEmpty();
        assertThat(server.problems()).isEmpty();
    }

    private CallId inbound(String name, String uniqueid) {
        registry.opened(ChannelSnapshot.of(name, uniqueid, uniqueid, "from-sip", "100", "Up"));
        return registry.announce(uniqueid).orElseThrow();
    }

    private static CoreShowChannelEvent coreShowChannel(String name, String uniqueid, String bridge) {
        CoreShowChannelEvent event = new CoreShowChannelEvent(new Object());
        event.setChannel(name);
        event.setUniqueid(uniqueid);
        event.setLinkedid(uniqueid);
        event.setContext("switchboard-hold");
        event.setExtension("s");
        event.setChannelStateDesc("Up");
        event.setBridgeid(bridge);
        return event;
    }
}
