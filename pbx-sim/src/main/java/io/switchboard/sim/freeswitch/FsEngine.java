package io.switchboard.sim.freeswitch;

import io.switchboard.sim.asterisk.Phone;
import io.switchboard.sim.asterisk.VirtualScheduler;
import io.switchboard.sim.esl.EslCommand;
import io.switchboard.sim.esl.EslFrame;
import io.switchboard.sim.esl.EslFrames;
import io.switchboard.sim.esl.EslHeader;
import io.switchboard.sim.esl.EventFormat;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.LoggerFactory;

/**
 * The FreeSWITCH engine: one {@link VirtualScheduler} thread runs every ESL command and every
 * timer, so channels need no locks and events leave in one order. Sessions only ever get frames
 * queued ({@link EslSession#send}).
 */
final class FsEngine {

    private static final DateTimeFormatter LOG_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);

    final FreeswitchConfig config;
    final VirtualScheduler scheduler;
    final CoreHeaders core;
    final ChannelEvents events;
    final Channels channels;
    private final Bridging bridging;
    final Dialplan dialplan;
    final Callcenter callcenter;
    final List<EslSession> sessions = new CopyOnWriteArrayList<>();
    /** In-process listeners, called on the engine thread with every event fired. */
    final List<Consumer<FsEvent>> listeners = new ArrayList<>();
    /** In-process listeners of api/bgapi commands ({@code SimWorld#listenCommands}), on the engine thread. */
    final List<Consumer<String>> commandListeners = new ArrayList<>();
    /** In-process listeners of every session's commands ({@code SimWorld#listenSessionCommands}), engine thread. */
    final List<Consumer<io.switchboard.sim.SessionCommand>> sessionCommandListeners = new ArrayList<>();
    private final Commands commands;
    int sessionsSinceStartup;
    /** Per-dial phone behaviour from a traffic model ({@code SimWorld#phones}); null: the config's. */
    Function<String, Phone> phoneResolver;

    FsEngine(FreeswitchConfig config) {
        this.config = config;
        this.scheduler = new VirtualScheduler(config.timeScale(), config.clock().instant());
        this.core = new CoreHeaders(scheduler.clock());
        this.events = new ChannelEvents(core);
        this.channels = new Channels(this);
        this.bridging = new Bridging(this);
        this.dialplan = new Dialplan(this, config.dialplan());
        this.callcenter = new Callcenter(this);
        this.commands = new Commands(this);
    }

    Bridging bridging() {
        return bridging;
    }

    VirtualScheduler.Timer after(Duration delay, Runnable task) {
        return scheduler.after(delay, () -> guarded(task));
    }

    void execute(Runnable task) {
        scheduler.execute(() -> guarded(task));
    }

    /** How the {@code sofia/} target {@code dial} behaves. */
    Phone phone(String dial) {
        Phone resolved = phoneResolver == null ? null : phoneResolver.apply(dial);
        return resolved != null ? resolved : config.phones().getOrDefault(dial, new Phone.Answers(
                Duration.ofMillis(FreeswitchConfig.DEFAULT_RING_MILLIS), null));
    }

    void submit(EslSession session, EslCommand command) {
        execute(() -> commands.handle(session, command));
    }

    private static void guarded(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(FsEngine.class).error("pbx-sim FreeSWITCH engine task failed", e);
        }
    }

    void closed(EslSession session) {
        sessions.remove(session);
    }

    /** Fires an event: every listener, then every session whose subscription wants it. */
    void fire(FsEvent event) {
        for (Consumer<FsEvent> listener : listeners) {
            listener.accept(event);
        }
        EslFrame plain = null;
        EslFrame json = null;
        for (EslSession s : sessions) {
            if (!s.authenticated || !s.subscription.wants(event)) {
                continue;
            }
            if (s.subscription.format() == EventFormat.JSON) {
                json = json == null ? event.json() : json;
                s.sendEvent(json);
            } else {
                plain = plain == null ? event.plain() : plain;
                s.sendEvent(plain);
            }
        }
    }

    /**
     * A NOTICE (level 5) log line about a channel, as {@code log/data} to every session that asked
     * for that level with {@code log} (Quirk 7): headers Log-Level, Text-Channel, Log-File, Log-Func,
     * Log-Line, User-Data (the uuid), body {@code <date> 97.67% [NOTICE] <file>:<line> <text>}.
     */
    void notice(int textChannel, String file, String function, int line, String uuid, String text) {
        String body = LOG_TIME.format(core.now()) + " 97.67% [NOTICE] " + file + ":" + line + " " + text + "\n";
        EslFrame frame = EslFrames.logData(5, textChannel, file, function, line, uuid, body);
        for (EslSession s : sessions) {
            if (s.authenticated && s.logLevel >= 5) {
                s.send(frame);
            }
        }
    }

    /**
     * Shutdown as on {@code fsctl shutdown} (Quirk 21): SHUTDOWN, every live channel hung up with
     * SYSTEM_SHUTDOWN, then a disconnect notice and EOF on every session.
     */
    void shutdown() {
        List<EslHeader> shutdown = core.start("SHUTDOWN", CallingSite.of("SHUTDOWN"));
        shutdown.add(new EslHeader("Event-Info", "System Shutting Down"));
        fire(new FsEvent(shutdown, ""));
        channels.shutdownAll();
        for (EslSession s : sessions) {
            s.send(EslFrames.disconnectNotice(EslFrames.SHUTTING_DOWN));
            s.closeAfterFlush();
        }
        sessions.clear();
    }
}
