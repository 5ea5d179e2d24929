package io.switchboard.sim.freeswitch;

import io.switchboard.sim.EngineCalls;
import io.switchboard.sim.asterisk.DeskPhone;
import io.switchboard.sim.asterisk.InboundCall;
import io.switchboard.sim.asterisk.SimWorld;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A simulated FreeSWITCH 1.10.12 running the dialplan of its {@link FreeswitchConfig} (Switchboard's
 * glue by default, the capture fixtures' on request), reachable over inbound ESL on 127.0.0.1. Start it, point an ESL client at {@link #port()} ({@code auth <password>}), inject
 * callers, stop it (each session then gets SHUTDOWN, CHANNEL_HANGUP_COMPLETE for live calls, the
 * disconnect notice and EOF, Quirk 21). The driving methods mirror
 * {@link io.switchboard.sim.asterisk.AsteriskSimulator}'s.
 */
public final class FreeswitchSimulator implements io.switchboard.sim.SimulatedPbx {

    private final FreeswitchConfig config;
    private final AtomicInteger sessionIds = new AtomicInteger(1);
    private FsEngine engine;
    private ServerSocket server;
    private volatile boolean reachable = true;

    /** A simulator with this configuration; nothing listens until {@link #start(int)}. */
    public FreeswitchSimulator(FreeswitchConfig config) {
        this.config = config;
    }

    /** Listens on 127.0.0.1 at {@code port} (0 picks a free port) and returns this. */
    public synchronized FreeswitchSimulator start(int port) {
        if (server != null) {
            throw new IllegalStateException("already started");
        }
        server = EngineCalls.listen(port);
        engine = new FsEngine(config);
        ServerSocket listening = server;
        FsEngine running = engine;
        Thread acceptor = new Thread(() -> accept(listening, running), "pbx-sim-esl-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        return this;
    }

    private void accept(ServerSocket listening, FsEngine running) {
        while (!listening.isClosed()) {
            try {
                Socket socket = listening.accept();
                if (!reachable) {
                    EslSession refused = new EslSession(socket, 0, 1);
                    refused.reset();
                    continue;
                }
                socket.setTcpNoDelay(true);
                EslSession session = new EslSession(socket, sessionIds.getAndIncrement(), config.eventQueue());
                running.sessions.add(session);
                session.start(running);
            } catch (IOException e) {
                return;
            }
        }
    }

    /** The port the event socket listens on. */
    @Override
    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("not started");
        }
        return server.getLocalPort();
    }

    /**
     * A SIP caller dials {@code call.did()} into the {@code public} context (ext 7000 of the
     * fixtures: answer, set cti_route/cti_customer_id, park). Returns the channel's uuid.
     */
    @Override
    public String inboundCall(InboundCall call) {
        return inboundCall(call, UUID.randomUUID().toString());
    }

    /** {@link #inboundCall(InboundCall)} with the channel uuid chosen (to replay a capture). */
    public String inboundCall(InboundCall call, String uuid) {
        return onEngine(() -> new InboundCalls(engine).dial(call, uuid).uuid);
    }

    /**
     * A registered phone dials {@code exten} in context {@code default}, where the glue's feature codes
     * are: a {@code user/<user>@<domain>} device calls as that directory user, with the phone's agent as
     * its {@code switchboard_agent} variable. Returns the channel's uuid.
     */
    @Override
    public String phoneDials(DeskPhone phone, String exten) {
        return onEngine(() -> new InboundCalls(engine).deskPhone(phone, exten).uuid);
    }

    /** The caller behind {@code uuid} hangs up (BYE: NORMAL_CLEARING); no-op if it is gone. */
    @Override
    public void callerHangsUp(String uuid) {
        onEngine(() -> {
            engine.channels.find(uuid).ifPresent(engine.channels::remoteHangup);
            return null;
        });
    }

    /** The caller behind {@code uuid} presses {@code key}: a DTMF event, then the hold's digit binding if any. */
    @Override
    public void callerPresses(String uuid, char key) {
        onEngine(() -> {
            engine.channels.find(uuid).filter(c -> !c.gone).ifPresent(c -> engine.dialplan.digits.press(c, key));
            return null;
        });
    }

    /**
     * Runs {@code driver} on the engine thread with the simulated world, e.g. to start a
     * {@code io.switchboard.sim.traffic.TrafficModel}; returns when it has run.
     */
    @Override
    public void drive(Consumer<SimWorld> driver) {
        onEngine(() -> {
            driver.accept(new FsWorld(engine));
            return null;
        });
    }

    /**
     * Cuts every ESL session abruptly (socket reset, no disconnect notice), as a network cut would;
     * calls carry on. Returns how many sessions were cut.
     */
    @Override
    public int dropSessions() {
        return onEngine(() -> {
            List<EslSession> cut = List.copyOf(engine.sessions);
            cut.forEach(s -> {
                engine.sessions.remove(s);
                s.reset();
            });
            return cut.size();
        });
    }

    /** Whether new connections get through; while false each is reset before {@code auth/request}. */
    @Override
    public void reachable(boolean reachable) {
        this.reachable = reachable;
    }

    private <T> T onEngine(Callable<T> task) {
        FsEngine running;
        synchronized (this) {
            running = engine;
        }
        if (running == null) {
            throw new IllegalStateException("not started");
        }
        return EngineCalls.call(running::execute, task);
    }

    /** Shuts down as {@code fsctl shutdown} does (Quirk 21) and stops listening. */
    @Override
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        FsEngine running = engine;
        EngineCalls.shutDown(running::execute, running::shutdown);
        running.scheduler.stop();
        server = null;
        engine = null;
    }

    @Override
    public void close() {
        stop();
    }
}
