package io.switchboard.ami.connection;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.switchboard.ami.AmiSettings;
import io.switchboard.ami.channel.ChannelRegistry;
import io.switchboard.ami.transcript.TranscriptAmiServer;
import io.switchboard.ami.translate.userevent.AgentLoginEvent;
import io.switchboard.ami.translate.userevent.SwitchboardUserEvent;
import io.switchboard.core.event.PbxEvent;
import io.switchboard.core.id.PbxId;
import io.switchboard.core.retry.RetryPolicy;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static io.switchboard.ami.connection.AmiConnectionTest.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Input that Asterisk-Java's own reader skips without a word, sent by a raw TCP server between good messages:
 * counted by kind, logged once per kind with a masked sample, and the connection stays up.
 */
class MalformedInputTest {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final List<ManagerEvent> seen = new CopyOnWriteArrayList<>();
    private final List<PbxEvent> published = new CopyOnWriteArrayList<>();
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger log = (Logger) LoggerFactory.getLogger(MalformedInput.class);
    private TranscriptAmiServer server;
    private AmiConnection connection;

    @BeforeEach
    void captureLog() {
        logged.start();
        log.addAppender(logged);
    }

    @AfterEach
    void tearDown() throws Exception {
        log.detachAppender(logged);
        if (connection != null) {
            connection.stop();
        }
        scheduler.shutdown();
        scheduler.awaitTermination(2, TimeUnit.SECONDS);
        server.close();
    }

    @Test
    void garbage_between_good_messages_is_counted_logged_once_per_kind_masked_and_skipped() throws Exception {
        connect();

        inject("Event: Newchannel\r\nPrivilege: call,all\r\nthis line has no colon, caller 4930123456\r\n"
                + "Channel: SIP/trunk-00000001\r\nUniqueid: 1764000000.1\r\nLinkedid: 1764000000.1\r\n\r\n");
        inject("\u0000\u00ff garbage\r\nmore garbage\r\n\r\n");
        inject("Event: FooBarBaz\r\nCallerIDNum: 4930123456\r\n\r\n");
        inject("Event: FooBarBaz\r\nCallerIDNum: 4930123457\r\n\r\n");
        inject("Event: UserEvent\r\nUserEvent: NotOurs\r\nSecret: hunter2\r\n\r\n");
        inject("Response: Success\r\nMessage: nobody asked\r\n\r\n");
        inject("Event: UserEvent\r\nPrivilege: user,all\r\nChannel: SIP/2001-00000002\r\nUniqueid: 1764000000.2\r\n"
                + "UserEvent: AgentLogin\r\nAgent: a1\r\nDevice: SIP/2001\r\nMode: ondemand\r\n\r\n");

        await(() -> seen.stream().anyMatch(AgentLoginEvent.class::isInstance));
        assertThat(seen).filteredOn(NewChannelEvent.class::isInstance).extracting(e -> ((NewChannelEvent) e).getUniqueId())
                .containsExactly("1764000000.1");
        assertThat(connection.state()).isEqualTo(AmiConnectionState.LOGGED_IN);
        assertThat(server.sessions()).isEqualTo(1);
        assertThat(connection.malformedInput().byKind()).isEqualTo(Map.of(
                "line-without-colon", 2L,
                "neither-event-nor-response", 1L,
                "unknown-event:FooBarBaz", 2L,
                "unknown-event:UserEvent/NotOurs", 1L,
                "response-without-actionid", 1L));
        assertThat(connection.malformedInput().total()).isEqualTo(7);

        List<String> lines = logged.list.stream().filter(e -> e.getLevel() == Level.WARN)
                .map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(lines).hasSize(5).allSatisfy(line -> assertThat(line)
                .contains("pbx=pbx1").doesNotContain("4930123456", "4930123457", "hunter2"));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("kind=unknown-event:FooBarBaz", "****56"));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("kind=unknown-event:UserEvent/NotOurs",
                "Secret: ****"));
    }

    @Test
    void the_recorded_sessions_of_a_real_asterisk_contain_nothing_malformed() throws Exception {
        connect();
        await(() -> published.stream().anyMatch(PbxEvent.PbxConnected.class::isInstance));

        assertThat(connection.malformedInput().byKind()).isEmpty();
    }

    private void connect() throws Exception {
        server = TranscriptAmiServer.playing("01-login-success.ami.txt");
        AmiSettings settings = new AmiSettings("pbx1", "127.0.0.1", server.port(), "cti", "s3cr3t", Duration.ofSeconds(2));
        AmiPbxEvents events = new AmiPbxEvents();
        events.subscribe(published::add);
        connection = new AmiConnection(settings, s -> {
            ManagerConnection c = AmiConnection.factory().apply(s);
            SwitchboardUserEvent.CLASSES.forEach(c::registerUserEventClass);
            return c;
        }, RetryPolicy.exponential(Duration.ofMillis(1), Duration.ofMillis(5), Integer.MAX_VALUE, new SplittableRandom(7)),
                scheduler, Clock.systemUTC(), event -> {
                    seen.add(event);
                    return List.of();
                }, new RegistryResync(new ChannelRegistry(PbxId.of("pbx1"), Clock.systemUTC())), events);
        connection.start();
        await(() -> published.stream().anyMatch(PbxEvent.PbxConnected.class::isInstance));
    }

    private void inject(String bytes) throws Exception {
        server.inject(bytes.getBytes(StandardCharsets.ISO_8859_1));
    }
}
