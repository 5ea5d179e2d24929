package io.switchboard.sim.asterisk;

import io.switchboard.sim.EngineCalls;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A simulated Asterisk 20 with Switchboard's glue, reachable over AMI on 127.0.0.1. Start it, point
 * an AMI client at {@link #port()}, inject inbound calls, stop it (each session then gets
 * {@code Event: Shutdown} and EOF, Quirk 12).
 */
public final class AsteriskSimulator implements io.switchboard.sim.SimulatedPbx {

    private final SimulatorConfig config;
    private final AtomicInteger sessionIds = new AtomicInteger(0x1c10);
    private Engine engine;
    private ServerSocket server;
    private Thread acceptor;
    private volatile boolean reachable = true;

    /** A simulator with this configuration; nothing listens until {@link #start(int)}. */
    public AsteriskSimulator(SimulatorConfig config) {
        this.config = config;
    }

    /** Listens on 127.0.0.1 at {@code port} (0 picks a free port) and returns this. */
    public synchronized AsteriskSimulator start(int port) {
        if (server != null) {
            throw new IllegalStateException("already started");
        }
        server = EngineCalls.listen(port);
        engine = new Engine(config);
        engine.localPort = server.getLocalPort();
        ServerSocket listening = server;
        Engine running = engine;
        acceptor = new Thread(() -> accept(listening, running), "pbx-sim-ami-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        return this;
    }

    private void accept(ServerSocket listening, Engine running) {
        while (!listening.isClosed()) {
            try {
                Socket socket = listening.accept();
                if (!reachable) {
                    reset(socket);
                    continue;
                }
                socket.setTcpNoDelay(true);
                AmiSession session = new AmiSession(socket, sessionIds.getAndIncrement());
                running.sessions.add(session);
                session.start(running);
            } catch (IOException e) {
                return;
            }
        }
    }

    /**
     * Cuts every AMI session abruptly, as a network cut or a killed client would: each socket is reset
     * (no {@code Event: Shutdown}, no {@code Goodbye}); the PBX and its calls carry on, and events sent
     * while a client is away are lost to it. Clients may log in again at once, unless
     * {@link #reachable(boolean) reachable(false)} holds them off.
     *
     * @return how many sessions were cut
     */
    @Override
    public int dropSessions() {
        return onEngine(() -> {
            List<AmiSession> cut = List.copyOf(engine.sessions);
            cut.forEach(s -> {
                engine.sessions.remove(s);
                reset(s.socket);
            });
            return cut.size();
        });
    }

    /**
     * Whether new AMI connections get through. While {@code false}, each new connection is reset right
     * after it is accepted, before the banner, as if the network between client and PBX were down; the
     * PBX keeps running and existing sessions are not touched ({@link #dropSessions()} cuts those).
     */
    @Override
    public void reachable(boolean reachable) {
        this.reachable = reachable;
    }

    private static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
            socket.close();
        } catch (IOException e) {
            // already gone
        }
    }

    /** The port AMI listens on. */
    @Override
    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("not started");
        }
        return server.getLocalPort();
    }

    /**
     * A caller dials a DID: the channel enters the glue's inbound context, is announced with
     * UserEvent InboundCall and waits on hold. Returns the channel name, e.g. {@code SIP/127.0.0.1-00000000}.
     */
    @Override
    public String inboundCall(InboundCall call) {
        return onEngine(() -> new EngineWorld(engine).inboundCall(call));
    }

    /**
     * An agent's phone dials {@code exten} in the glue's {@code switchboard-features} context, the
     * phones' context in this model: its channel {@code <device>-<n>} is announced (Newchannel with the
     * phone's caller number, the endpoint's {@code SWITCHBOARD_AGENT} as VarSet if it sets one,
     * Newstate Ring) and runs the feature code: {@code *71} logs the agent in on demand, {@code *72}
     * logs it out, both then hang up; {@code *70} logs it in nailed up and stays in the agent's
     * conference until {@link #callerHangsUp hung up}. Returns the channel name, e.g.
     * {@code SIP/2001-00000000}.
     */
    @Override
    public String phoneDials(DeskPhone phone, String exten) {
        return onEngine(() -> new EngineWorld(engine).phoneDials(phone, exten));
    }

    /** {@link #phoneDials(DeskPhone, String)} from {@code device} with its peer name as caller number. */
    public String phoneDials(String device, String exten) {
        return phoneDials(DeskPhone.of(device), exten);
    }

    /**
     * Runs {@code driver} on the engine thread with the simulated world, e.g. to start a
     * {@code io.switchboard.sim.traffic.TrafficModel}; returns when it has run.
     */
    @Override
    public void drive(java.util.function.Consumer<SimWorld> driver) {
        onEngine(() -> {
            driver.accept(new EngineWorld(engine));
            return null;
        });
    }

    /** The caller behind {@code channel} hangs up (abandon on hold, or end of talk). */
    @Override
    public void callerHangsUp(String channel) {
        onEngine(() -> {
            engine.calls.channel(channel).ifPresent(c -> engine.calls.hangup(c, true, 16));
            return null;
        });
    }

    /** The caller behind {@code channel} presses {@code key}: DTMFBegin/DTMFEnd, and WaitExten goes on at it. */
    @Override
    public void callerPresses(String channel, char key) {
        onEngine(() -> {
            engine.calls.channel(channel).ifPresent(c -> Keypad.press(engine.calls, c, key));
            return null;
        });
    }

    private <T> T onEngine(java.util.concurrent.Callable<T> task) {
        Engine running;
        synchronized (this) {
            running = engine;
        }
        if (running == null) {
            throw new IllegalStateException("not started");
        }
        return EngineCalls.call(running::execute, task);
    }

    /** Sends {@code Event: Shutdown} to every session, closes them and stops listening. */
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
        Engine running = engine;
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
