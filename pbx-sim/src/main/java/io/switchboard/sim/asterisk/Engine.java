package io.switchboard.sim.asterisk;

import io.switchboard.sim.ami.AmiAction;
import io.switchboard.sim.ami.AmiMessage;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The simulator's single engine thread ({@link VirtualScheduler}): every action and every timer
 * runs there on virtual time, so the channel model needs no locks and events leave in one
 * well-defined order.
 */
final class Engine {

    private static final DateTimeFormatter EVENT_TV =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);

    final SimulatorConfig config;
    final VirtualScheduler scheduler;
    final Events events;
    final Calls calls;
    final List<AmiSession> sessions = new CopyOnWriteArrayList<>();
    /** In-process listeners ({@link SimWorld#listen}), called on the engine thread. */
    final List<java.util.function.Consumer<AmiMessage>> listeners = new java.util.ArrayList<>();
    /** In-process listeners of client actions ({@link SimWorld#listenCommands}), called on the engine thread. */
    final List<java.util.function.Consumer<AmiMessage>> commandListeners = new java.util.ArrayList<>();
    /** In-process listeners of every session's actions ({@link SimWorld#listenSessionCommands}), engine thread. */
    final List<java.util.function.Consumer<io.switchboard.sim.SessionCommand>> sessionCommandListeners =
            new java.util.ArrayList<>();
    private final Actions actions;
    int localPort;

    Engine(SimulatorConfig config) {
        this.config = config;
        this.scheduler = new VirtualScheduler(config.timeScale(), config.clock().instant());
        this.events = new Events(scheduler.clock());
        this.calls = new Calls(events, config, this::broadcast, this::after,
                config.clock().instant().getEpochSecond());
        this.actions = new Actions(this);
    }

    VirtualScheduler.Timer after(Duration delay, Runnable task) {
        return scheduler.after(delay, () -> guarded(task));
    }

    void submit(AmiSession session, AmiAction action) {
        scheduler.execute(() -> guarded(() -> actions.handle(session, action)));
    }

    void execute(Runnable task) {
        scheduler.execute(() -> guarded(task));
    }

    private static void guarded(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(Engine.class).error("pbx-sim engine task failed", e);
        }
    }

    void closed(AmiSession session) {
        sessions.remove(session);
    }

    /** Sends an event to every logged-in session that wants events. */
    void broadcast(AmiMessage event) {
        for (java.util.function.Consumer<AmiMessage> listener : listeners) {
            listener.accept(event);
        }
        String name = event.event().orElse("");
        for (AmiSession s : sessions) {
            if (s.loggedIn && s.events && config.delivers(s.user, name)) {
                s.send(event);
            }
        }
    }

    /** A security event (SuccessfulAuth, InvalidPassword, RequestBadFormat) about {@code session}. */
    AmiMessage securityEvent(String name, String severity, AmiSession session, String... extra) {
        String tv = EVENT_TV.format(events.now());
        Events.Builder b = events.event(name, "security,all").add("EventTV", tv).add("Severity", severity)
                .add("Service", "AMI").add("EventVersion", "InvalidPassword".equals(name) ? "2" : "1");
        boolean accountLast = "RequestBadFormat".equals(name);
        if (!accountLast) {
            b.add("AccountID", session.user == null ? "" : session.user);
        }
        b.add("SessionID", String.format("0x%012x", 0x7f0000000000L + session.id))
                .add("LocalAddress", "IPV4/TCP/127.0.0.1/" + localPort)
                .add("RemoteAddress", "IPV4/TCP/127.0.0.1/" + session.socket.getPort());
        for (int i = 0; i < extra.length; i += 2) {
            b.add(extra[i], extra[i + 1]);
        }
        b.add("SessionTV", "InvalidPassword".equals(name) ? "1970-01-01T00:00:00.000+0000" : tv);
        if (accountLast) {
            b.add("AccountID", session.user == null ? "" : session.user);
        }
        return b.build();
    }

    void shutdown() {
        AmiMessage shutdown = events.event("Shutdown", "system,all").add("Shutdown", "Cleanly")
                .add("Restart", "False").build();
        for (AmiSession s : sessions) {
            if (s.loggedIn && s.events) {
                s.send(shutdown);
            }
            s.close();
        }
        sessions.clear();
    }
}
