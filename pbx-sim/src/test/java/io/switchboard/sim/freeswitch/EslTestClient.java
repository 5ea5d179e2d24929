package io.switchboard.sim.freeswitch;

import io.switchboard.sim.esl.EslCommand;
import io.switchboard.sim.esl.EslFrame;
import io.switchboard.sim.esl.EslFrameDecoder;
import io.switchboard.sim.wire.Decoded;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/** A plain TCP ESL client for tests: writes commands, reads decoded frames with a bounded wait. */
final class EslTestClient implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final EslFrameDecoder decoder = new EslFrameDecoder();
    private final Deque<EslFrame> frames = new ArrayDeque<>();
    private boolean eof;

    EslTestClient(int port) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(5000);
        in = socket.getInputStream();
    }

    void write(byte[] bytes) throws IOException {
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
    }

    void send(EslCommand command) throws IOException {
        write(command.encode());
    }

    /** The next frame, or empty at EOF; fails after 5 s without one. */
    Optional<EslFrame> next() throws IOException {
        byte[] buffer = new byte[16384];
        while (frames.isEmpty() && !eof) {
            int n;
            try {
                n = in.read(buffer);
            } catch (SocketTimeoutException e) {
                throw new AssertionError("no ESL frame within 5 s", e);
            }
            if (n < 0) {
                eof = true;
                break;
            }
            for (Decoded<EslFrame> unit : decoder.feed(buffer, 0, n)) {
                if (unit instanceof Decoded.Ok<EslFrame> ok) {
                    frames.add(ok.value());
                } else {
                    throw new AssertionError("malformed ESL from the simulator: " + unit);
                }
            }
        }
        return Optional.ofNullable(frames.poll());
    }

    /** The next frame; fails at EOF. */
    EslFrame frame() throws IOException {
        return next().orElseThrow(() -> new AssertionError("EOF instead of an ESL frame"));
    }

    /** The client's socket, to tune its buffers in a test. */
    Socket socket() {
        return socket;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
