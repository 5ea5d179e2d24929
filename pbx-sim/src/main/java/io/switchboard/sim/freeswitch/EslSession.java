package io.switchboard.sim.freeswitch;

import io.switchboard.sim.esl.EslCommand;
import io.switchboard.sim.esl.EslCommandDecoder;
import io.switchboard.sim.esl.EslFrame;
import io.switchboard.sim.esl.EslFrames;
import io.switchboard.sim.wire.Decoded;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One inbound ESL connection. Its reader thread decodes commands and hands them to the engine; its
 * writer thread drains a queue, so the engine only ever enqueues and never blocks on a slow client.
 * Session state ({@link #authenticated}, {@link #subscription}, {@link #logLevel}) is touched only
 * on the engine thread.
 */
final class EslSession {

    /** Bytes waiting for the writer; {@code event} ones count against the client's event queue. */
    private record Outgoing(byte[] bytes, boolean event) {
    }

    private static final Outgoing CLOSE = new Outgoing(new byte[0], false);

    final Socket socket;
    final int id;
    final Subscription subscription = new Subscription();
    boolean authenticated;
    /** The {@code log} level asked for, -1 when not logging. */
    int logLevel = -1;
    private final BlockingQueue<Outgoing> outbox = new LinkedBlockingQueue<>();
    private final AtomicInteger queuedEvents = new AtomicInteger();
    private final int eventQueue;
    private int lostEvents;
    private volatile boolean closed;

    EslSession(Socket socket, int id, int eventQueue) {
        this.socket = socket;
        this.id = id;
        this.eventQueue = eventQueue;
    }

    void start(FsEngine engine) {
        send(EslFrames.authRequest());
        Thread reader = new Thread(() -> read(engine), "pbx-sim-esl-" + id);
        reader.setDaemon(true);
        Thread writer = new Thread(this::write, "pbx-sim-esl-out-" + id);
        writer.setDaemon(true);
        writer.start();
        reader.start();
    }

    private void read(FsEngine engine) {
        EslCommandDecoder decoder = new EslCommandDecoder();
        byte[] buffer = new byte[8192];
        try (InputStream in = socket.getInputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                for (Decoded<EslCommand> decoded : decoder.feed(buffer, 0, n)) {
                    if (decoded instanceof Decoded.Ok<EslCommand> ok) {
                        engine.submit(this, ok.value());
                    }
                }
            }
        } catch (IOException e) {
            // the client went away
        } finally {
            engine.closed(this);
        }
    }

    private void write() {
        try (OutputStream out = socket.getOutputStream()) {
            while (true) {
                Outgoing next = outbox.take();
                if (next == CLOSE) {
                    return;
                }
                if (next.event()) {
                    queuedEvents.decrementAndGet();
                }
                out.write(next.bytes());
                if (outbox.isEmpty()) {
                    out.flush();
                }
            }
        } catch (IOException e) {
            closeNow();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeNow();
        }
    }

    /** Queues a frame; never blocks. */
    void send(EslFrame frame) {
        if (!closed) {
            outbox.add(new Outgoing(frame.encode(), false));
        }
    }

    /**
     * Queues an event unless this client already has {@code eventQueue} events waiting; then the event
     * is lost, and past {@link FreeswitchConfig#MAX_LOST_EVENTS} lost events the client is cut off, as
     * FreeSWITCH kills a listener that does not keep up. Engine thread only.
     */
    void sendEvent(EslFrame frame) {
        if (closed) {
            return;
        }
        if (queuedEvents.get() >= eventQueue) {
            if (++lostEvents > FreeswitchConfig.MAX_LOST_EVENTS) {
                reset();
            }
            return;
        }
        queuedEvents.incrementAndGet();
        outbox.add(new Outgoing(frame.encode(), true));
    }

    /** Sends what is queued, then closes the socket (after a disconnect notice). */
    void closeAfterFlush() {
        if (!closed) {
            closed = true;
            outbox.add(CLOSE);
        }
    }

    boolean isClosed() {
        return closed;
    }

    /** Resets the socket at once (a network cut). */
    void reset() {
        closed = true;
        outbox.clear();
        outbox.add(CLOSE);
        try {
            socket.setSoLinger(true, 0);
        } catch (IOException e) {
            // going anyway
        }
        closeNow();
    }

    private void closeNow() {
        closed = true;
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
