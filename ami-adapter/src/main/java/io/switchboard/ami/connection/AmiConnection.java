package io.switchboard.ami.connection;

import io.switchboard.ami.AmiSettings;
import io.switchboard.core.event.PbxEvent;
import io.switchboard.core.id.PbxId;
import io.switchboard.core.retry.RetryPolicy;
import org.asteriskjava.manager.AuthenticationFailedException;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerEventListener;
import org.asteriskjava.manager.SendActionCallback;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.event.ConnectEvent;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.ShutdownEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * One PBX's AMI session through Asterisk-Java: logs in, keeps logging in with backoff after a refused
 * login, a lost socket or {@code Event: Shutdown}, resyncs after every login and hands events on.
 *
 * <p>Threads: every state change and every blocking call ({@code login()}) runs on the injected
 * single-threaded {@code scheduler}, never on an event loop. Asterisk-Java's reader thread only
 * translates events and publishes them to {@link AmiPbxEvents}, and applies the resync's channel list in
 * order with them (so no event is applied before a list older than it); connection-lifecycle events are
 * handed to the scheduler. Asterisk-Java's own reconnect loop (fixed 50 ms / 5 s sleeps) is switched off by
 * retiring each broken {@link ManagerConnection}; every attempt uses a fresh one.
 */
public final class AmiConnection {

    private static final Logger LOG = LoggerFactory.getLogger(AmiConnection.class);

    private final AmiSettings settings;
    private final PbxId pbx;
    private final Function<AmiSettings, ManagerConnection> connections;
    private final RetryPolicy backoff;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final EventTranslation translation;
    private final ChannelResync resync;
    private final AmiPbxEvents events;
    private final MalformedInput malformed;

    private volatile AmiConnectionStatus status = new AmiConnectionStatus(AmiConnectionState.DISCONNECTED, "not started", 0);
    private volatile ManagerConnection current;
    private int failedAttempts;

    /**
     * @param connections makes a new, not yet connected {@link ManagerConnection}; {@link #factory()} in production
     * @param backoff delays between attempts; use a large {@code maxAttempts}: the connection never gives up
     * @param scheduler a single-threaded scheduler this connection may block briefly (login); owned by the caller
     */
    public AmiConnection(AmiSettings settings, Function<AmiSettings, ManagerConnection> connections, RetryPolicy backoff,
            ScheduledExecutorService scheduler, Clock clock, EventTranslation translation, ChannelResync resync,
            AmiPbxEvents events) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.pbx = PbxId.of(settings.pbxName());
        this.connections = Objects.requireNonNull(connections, "connections");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.translation = Objects.requireNonNull(translation, "translation");
        this.resync = Objects.requireNonNull(resync, "resync");
        this.events = Objects.requireNonNull(events, "events");
        this.malformed = new MalformedInput(pbx);
    }

    /**
     * Asterisk-Java's connection, with its response and connect timeouts taken from
     * {@link AmiSettings#connectTimeout()}, and its socket watched for input the library skips silently
     * ({@link #malformedInput()}).
     */
    public static Function<AmiSettings, ManagerConnection> factory() {
        return s -> {
            ObservedManagerConnection connection = new ObservedManagerConnection();
            connection.setHostname(s.host());
            connection.setPort(s.port());
            connection.setUsername(s.username());
            connection.setPassword(s.secret());
            connection.setDefaultResponseTimeout(s.connectTimeout().toMillis());
            connection.setSocketTimeout((int) s.connectTimeout().toMillis());
            return connection;
        };
    }

    /** Starts the first login attempt at once. */
    public void start() {
        scheduler.execute(this::attempt);
    }

    /** Stops retrying and logs off; the state becomes {@link AmiConnectionState#STOPPED}. */
    public void stop() {
        scheduler.execute(() -> {
            ManagerConnection connection = current;
            current = null;
            update(AmiConnectionState.STOPPED, "stopped");
            if (connection != null) {
                retire(connection);
            }
        });
    }

    /** The current state, for {@code /status}. */
    public AmiConnectionState state() {
        return status.state();
    }

    /** What the state means right now, e.g. why the last login failed and when the next try is; never the secret. */
    public String detail() {
        return status.detail();
    }

    /**
     * Input from Asterisk that Asterisk-Java skipped (unparseable lines, unknown events, responses without
     * ActionID), counted by kind across reconnects; only connections made by {@link #factory()} are watched.
     */
    public MalformedInput malformedInput() {
        return malformed;
    }

    /** State, detail and failed attempts in one consistent snapshot. */
    public AmiConnectionStatus status() {
        return status;
    }

    /**
     * Sends an action without waiting: the callback runs on Asterisk-Java's reader thread with the response.
     *
     * @throws IllegalStateException if not logged in
     * @throws IOException if writing to the socket failed
     */
    public void send(ManagerAction action, SendActionCallback callback) throws IOException {
        ManagerConnection connection = current;
        if (connection == null || status.state() != AmiConnectionState.LOGGED_IN) {
            throw new IllegalStateException("AMI of " + pbx + " is " + status.state());
        }
        connection.sendAction(action, callback);
    }

    private void attempt() {
        if (status.state() == AmiConnectionState.STOPPED) {
            return;
        }
        update(AmiConnectionState.CONNECTING, "logging in as " + settings.username() + " at " + address());
        ManagerConnection connection = connections.apply(settings);
        if (connection instanceof ObservedManagerConnection observed) {
            observed.reportTo(malformed);
        }
        connection.addEventListener(new Listener(connection));
        try {
            connection.login();
        } catch (AuthenticationFailedException e) {
            retire(connection);
            boolean refused = e.getCause() == null;
            failed(refused ? AmiConnectionState.AUTH_FAILED : AmiConnectionState.DISCONNECTED,
                    (refused ? "login as " + settings.username() + " refused: " : "cannot reach Asterisk: ")
                            + mask(String.valueOf(e.getMessage())));
            return;
        } catch (IOException | org.asteriskjava.manager.TimeoutException | RuntimeException e) {
            retire(connection);
            failed(AmiConnectionState.DISCONNECTED, "cannot reach Asterisk: " + mask(e.getClass().getSimpleName()
                    + ": " + e.getMessage()));
            return;
        }
        if (status.state() == AmiConnectionState.STOPPED) {
            retire(connection);
            return;
        }
        current = connection;
        failedAttempts = 0;
        update(AmiConnectionState.LOGGED_IN, "logged in as " + settings.username() + " at " + address()
                + " (" + connection.getProtocolIdentifier() + ")");
        LOG.info("AMI pbx={} logged in as {} at {}", pbx, settings.username(), address());
        new AmiResync(pbx, connection, resync, translation, events::publish, scheduler,
                settings.connectTimeout(), clock).run(() -> events.publish(
                new PbxEvent.PbxConnected(pbx, clock.instant(), String.valueOf(connection.getProtocolIdentifier()))));
    }

    private void failed(AmiConnectionState state, String reason) {
        failedAttempts++;
        Duration delay = backoff.nextDelay(Math.min(failedAttempts, backoff.maxAttempts() - 1))
                .orElse(Duration.ZERO);
        update(state, reason + "; attempt " + failedAttempts + ", next in " + delay.toMillis() + " ms");
        LOG.warn("AMI pbx={} {}: {}; retry {} in {} ms", pbx, state, reason, failedAttempts, delay.toMillis());
        scheduler.schedule(this::attempt, delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void lost(ManagerConnection connection, String reason, boolean pbxShutDown) {
        if (connection != current) {
            return;
        }
        current = null;
        if (pbxShutDown) {
            resync.pbxShutDown();
        } else {
            resync.connectionLost();
        }
        events.publish(new PbxEvent.PbxDisconnected(pbx, clock.instant(), reason));
        failed(AmiConnectionState.DISCONNECTED, reason);
    }

    private static void retire(ManagerConnection connection) {
        try {
            connection.logoff();
        } catch (RuntimeException alreadyClosed) {
            LOG.debug("AMI connection already closed: {}", alreadyClosed.getMessage());
        }
    }

    private void update(AmiConnectionState state, String detail) {
        status = new AmiConnectionStatus(state, mask(detail), failedAttempts);
    }

    private String address() {
        return settings.host() + ":" + settings.port();
    }

    private String mask(String text) {
        return text.replace(settings.secret(), "****");
    }

    /** Runs on Asterisk-Java's reader thread: translates and publishes; lifecycle events go to the scheduler. */
    private final class Listener implements ManagerEventListener {

        private final ManagerConnection connection;

        Listener(ManagerConnection connection) {
            this.connection = connection;
        }

        @Override
        public void onManagerEvent(ManagerEvent event) {
            if (event instanceof DisconnectEvent) {
                // The socket is already closed, so this only ends Asterisk-Java's own reconnect loop.
                retire(connection);
                scheduler.execute(() -> lost(connection, "connection closed by Asterisk", false));
            } else if (event instanceof ShutdownEvent shutdown) {
                scheduler.execute(() -> lost(connection, "Asterisk shut down (" + shutdown.getShutdown()
                        + ", restart " + shutdown.getRestart() + ")", true));
            } else if (!(event instanceof ConnectEvent)) {
                translateAndPublish(event);
            }
        }

        private void translateAndPublish(ManagerEvent event) {
            try {
                translation.translate(event).forEach(events::publish);
            } catch (RuntimeException e) {
                LOG.warn("AMI pbx={} skipped an event it could not translate: {} sample={}", pbx, e.toString(),
                        AmiSample.of(event));
            }
        }
    }
}
