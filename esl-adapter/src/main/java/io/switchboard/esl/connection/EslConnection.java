package io.switchboard.esl.connection;

import io.switchboard.core.event.PbxEvent;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.PbxId;
import io.switchboard.core.retry.RetryPolicy;
import io.switchboard.esl.EslSettings;
import io.switchboard.esl.translate.CustomEventTranslator;
import io.switchboard.esl.translate.EslChannels;
import io.switchboard.esl.translate.EslEventTranslator;
import io.switchboard.esl.translate.GlueEvents;
import io.switchboard.esl.wire.EslFrame;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * One FreeSWITCH's inbound event socket on Vert.x's {@link NetClient}: connects, answers
 * {@code auth/request}, subscribes to {@link EslSubscription}'s events and the glue's CUSTOM subclasses
 * ({@link GlueEvents}), resyncs from {@code show channels as json} ({@link Resync}), and keeps reconnecting with backoff after a refused password, a lost
 * socket, a {@code text/disconnect-notice} or a SHUTDOWN.
 *
 * <p>Threads: connection state lives on one Vert.x context. The socket's event loop only cuts frames
 * ({@link io.switchboard.esl.wire.EslFrameDecoder}) and matches replies to commands; it never pauses the
 * socket and never waits, because FreeSWITCH drops a listener whose queue overflows. Events are decoded,
 * translated and published on the caller's {@code events} executor, which must run tasks one at a time in
 * order (a single thread, or an ordered worker executor). Resync results go through the same executor, so
 * they are applied in order with the events around them.
 *
 * <p>Commands: ESL answers commands in the order they were sent, so replies are matched first in, first
 * out; a reply that does not come within {@link EslSettings#replyTimeout()} means the socket can no longer
 * be trusted, and it is closed and reopened. {@code bgapi} carries a {@code Job-UUID} chosen here.
 */
public final class EslConnection {

    private static final Logger LOG = LoggerFactory.getLogger(EslConnection.class);

    private final PbxId pbx;
    private final EslSettings settings;
    private final Vertx vertx;
    private final Context context;
    private final NetClient client;
    private final RetryPolicy backoff;
    private final Clock clock;
    private final Executor events;
    private final EslChannels channels;
    private final EslEventTranslator translator;
    private final EslPbxEvents out;
    private final MalformedFrames malformed;
    private final BackgroundJobs jobs;
    private final SessionCommands sessionCommands;
    private final GlueEvents glue;
    private final Resync resync;

    private volatile EslConnectionStatus status =
            new EslConnectionStatus(EslConnectionState.DISCONNECTED, "not started", 0);
    private EslSession current;
    private int failedAttempts;

    /**
     * A connection that translates the shipped glue's events ({@link GlueEvents}) with caller numbers read
     * in {@code defaultRegion}.
     *
     * @param backoff delays between attempts; use a large {@code maxAttempts}: the connection never gives up
     * @param events runs decoding, translation and publishing, one task at a time, in order; owned by the caller
     * @param defaultRegion ISO 3166 region for caller numbers without a country code ({@code ZZ}: not guessed)
     */
    public EslConnection(PbxId pbx, EslSettings settings, Vertx vertx, RetryPolicy backoff, Clock clock,
            Executor events, EslChannels channels, String defaultRegion, EslPbxEvents out) {
        this(pbx, settings, vertx, backoff, clock, events, channels, new GlueEvents(defaultRegion), Map.of(), out);
    }

    /**
     * A connection that translates the shipped glue's events (caller numbers only with a country code,
     * region {@code ZZ}) and, in addition or instead, {@code custom}.
     *
     * @param custom translators of further CUSTOM events by {@code Event-Subclass}; one for a glue subclass
     *               replaces the built-in one
     */
    public EslConnection(PbxId pbx, EslSettings settings, Vertx vertx, RetryPolicy backoff, Clock clock,
            Executor events, EslChannels channels, Map<String, CustomEventTranslator> custom, EslPbxEvents out) {
        this(pbx, settings, vertx, backoff, clock, events, channels, new GlueEvents("ZZ"), custom, out);
    }

    private EslConnection(PbxId pbx, EslSettings settings, Vertx vertx, RetryPolicy backoff, Clock clock,
            Executor events, EslChannels channels, GlueEvents glue, Map<String, CustomEventTranslator> custom,
            EslPbxEvents out) {
        this.pbx = Objects.requireNonNull(pbx, "pbx");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.vertx = Objects.requireNonNull(vertx, "vertx");
        this.context = vertx.getOrCreateContext();
        this.client = vertx.createNetClient(new NetClientOptions()
                .setConnectTimeout((int) settings.connectTimeout().toMillis()).setTcpNoDelay(true));
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.events = Objects.requireNonNull(events, "events");
        this.channels = Objects.requireNonNull(channels, "channels");
        this.out = Objects.requireNonNull(out, "out");
        this.malformed = new MalformedFrames(pbx);
        this.jobs = new BackgroundJobs(vertx::cancelTimer);
        this.sessionCommands = new SessionCommands(vertx, settings, jobs);
        this.glue = glue;
        Map<String, CustomEventTranslator> translators = new HashMap<>(glue.translators());
        translators.putAll(custom);
        this.translator = new EslEventTranslator(channels, translators, jobs::callOf, clock);
        this.resync = new Resync(pbx, context, events, channels, translator, out, clock);
    }

    /** Starts the first attempt at once. */
    public void start() {
        context.runOnContext(v -> attempt());
    }

    /**
     * Stops: the state becomes {@link EslConnectionState#STOPPED} at once, so nothing reconnects; waiting jobs end
     * as {@code ConnectionLost}; {@code exit} is said ({@link SessionCommands#exit}) and the socket closed.
     */
    public Future<Void> stop() {
        Promise<Void> stopped = Promise.promise();
        context.runOnContext(v -> {
            update(EslConnectionState.STOPPED, "stopped");
            EslSession session = current;
            current = null;
            Future<Void> said = Future.succeededFuture();
            if (session != null) {
                jobs.connectionLost(session, "connection stopped");
                said = sessionCommands.exit(session).onComplete(reply -> session.end());
            }
            said.onComplete(closed -> client.close().onComplete(stopped));
        });
        return stopped.future();
    }

    /** State, detail and failed attempts in one consistent snapshot, for {@code /status}. */
    public EslConnectionStatus status() {
        return status;
    }

    /** Input FreeSWITCH sent that was skipped, by kind, across reconnects. */
    public MalformedFrames malformedFrames() {
        return malformed;
    }

    /** Events that produced nothing because Switchboard does not use them, by name, across reconnects. */
    public Map<String, Long> skippedEvents() {
        Map<String, Long> all = new TreeMap<>(translator.skipped());
        all.putAll(glue.skipped());
        return all;
    }

    /** The live channels as this connection knows them. */
    public EslChannels channels() {
        return channels;
    }

    /**
     * Runs {@code api <command>}; the future has the response body as sent (may lack a trailing LF,
     * Quirk 3; errors are only in the body, {@code -ERR ...}). Fails if not logged in or the reply is lost.
     */
    public Future<String> api(String command) {
        String line = EslCommands.oneLine(command);
        return onContext(session -> sessionCommands.api(session, line));
    }

    /**
     * Runs {@code bgapi <command>} with a fresh {@code Job-UUID}; the future ends with the job's outcome
     * (a value, never a failure once sent), at the latest after {@link EslSettings#replyTimeout()}.
     *
     * @param call the call the job is for: a failed originate is then reported as {@code OriginateFailed}
     *             for it even when the command carries no {@code origination_uuid}
     */
    public Future<JobOutcome> bgapi(String command, Optional<CallId> call) {
        String line = EslCommands.oneLine(command);
        return onContext(session -> sessionCommands.bgapi(session, line, call));
    }

    private <T> Future<T> onContext(Function<EslSession, Future<T>> action) {
        Promise<T> result = Promise.promise();
        context.runOnContext(v -> {
            EslSession session = current;
            if (session == null || status.state() != EslConnectionState.LOGGED_IN) {
                result.fail(new IllegalStateException("ESL of " + pbx + " is " + status.state()));
            } else {
                action.apply(session).onComplete(result);
            }
        });
        return result.future();
    }

    private void attempt() {
        if (status.state() == EslConnectionState.STOPPED) {
            return;
        }
        update(EslConnectionState.CONNECTING, "connecting to " + address());
        client.connect(settings.port(), settings.host())
                .compose(socket -> {
                    EslSession session = new EslSession(pbx, socket, vertx, settings, malformed, events, this);
                    current = session;
                    return session.login(translator.customSubclasses()).map(session);
                })
                .onSuccess(this::loggedIn)
                .onFailure(this::loginFailed);
    }

    private void loggedIn(EslSession session) {
        if (status.state() == EslConnectionState.STOPPED || session != current) {
            session.end();
            return;
        }
        failedAttempts = 0;
        update(EslConnectionState.LOGGED_IN, "logged in at " + address() + ", events " + settings.encoding().word());
        LOG.info("event=esl-logged-in pbx={} address={} encoding={}", pbx, address(), settings.encoding().word());
        resync.run(session)
                .compose(v -> session.send("api status\n\n"))
                .onSuccess(reply -> events.execute(() -> out.publish(
                        new PbxEvent.PbxConnected(pbx, clock.instant(), EslCommands.version(reply.body())))));
    }

    private void loginFailed(Throwable cause) {
        if (status.state() == EslConnectionState.STOPPED) {
            return;
        }
        EslSession session = current;
        current = null;
        if (session != null) {
            session.end();
        }
        if (cause instanceof AuthRefusedException refused) {
            failed(EslConnectionState.AUTH_FAILED, "auth refused by FreeSWITCH at " + address() + ": " + refused.getMessage());
        } else {
            failed(EslConnectionState.DISCONNECTED, "cannot log in at " + address() + ": " + cause.getMessage());
        }
    }

    /** The session's socket closed, FreeSWITCH said goodbye, or a reply was lost; runs on the context. */
    void lost(EslSession session, String reason) {
        if (!session.end() || session != current || !session.loggedIn()) {
            return;
        }
        current = null;
        jobs.connectionLost(session, reason);
        events.execute(() -> {
            if (!session.shutdownReported()) {
                out.publish(new PbxEvent.PbxDisconnected(pbx, clock.instant(), reason));
            }
        });
        if (status.state() != EslConnectionState.STOPPED) {
            failed(EslConnectionState.DISCONNECTED, reason);
        }
    }

    /** Decodes, translates and publishes one event frame; runs on the events executor. */
    void onEvent(EslSession session, EslFrame frame) {
        EventHandling.handle(frame, translator, malformed, event -> {
            if (event instanceof PbxEvent.PbxDisconnected) {
                session.shutdownReported(true);
            }
            out.publish(event);
        }, (jobUuid, outcome) -> context.runOnContext(v -> jobs.complete(jobUuid, outcome)));
    }

    private void failed(EslConnectionState state, String reason) {
        failedAttempts++;
        Duration delay = backoff.nextDelay(Math.min(failedAttempts, backoff.maxAttempts() - 1)).orElse(Duration.ZERO);
        update(state, reason + "; attempt " + failedAttempts + ", next in " + delay.toMillis() + " ms");
        LOG.warn("event=esl-connection-failed pbx={} state={} reason=\"{}\" retry={} delayMs={}", pbx, state,
                mask(reason), failedAttempts, delay.toMillis());
        vertx.setTimer(Math.max(1, delay.toMillis()), id -> attempt());
    }

    private void update(EslConnectionState state, String detail) {
        status = new EslConnectionStatus(state, mask(detail), failedAttempts);
    }

    private String mask(String text) {
        return masked(text, settings.password());
    }

    /**
     * {@code text} for the status and logs: the password as {@code ****}, and a run of seven or more digits (a
     * phone number in a lost command, e.g. {@code att_xfer::loopback/+4930200000/...}) cut to its last four.
     */
    static String masked(String text, String password) {
        return text.replace(password, "****").replaceAll("\\d{3,}(?=\\d{4})", "…");
    }

    private String address() {
        return settings.host() + ":" + settings.port();
    }
}
