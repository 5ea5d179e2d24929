package io.switchboard.sim.asterisk;

import io.switchboard.sim.ami.AmiDecoder;
import io.switchboard.sim.ami.AmiFrame;
import io.switchboard.sim.wire.Decoded;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/** A plain TCP AMI client for tests: writes bytes, reads decoded frames with a bounded wait. */
final class AmiTestClient implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final AmiDecoder decoder = AmiDecoder.clientSide();
    private final Deque<AmiFrame> frames = new ArrayDeque<>();
    private boolean eof;

    AmiTestClient(int port) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(5000);
        in = socket.getInputStream();
    }

    void write(byte[] bytes) throws IOException {
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
    }

    /** The next frame, or empty at EOF; fails after 5 s without one. */
    Optional<AmiFrame> next() throws IOException {
        byte[] buffer = new byte[8192];
        while (frames.isEmpty() && !eof) {
            int n;
            try {
                n = in.read(buffer);
            } catch (SocketTimeoutException e) {
                throw new AssertionError("no AMI frame within 5 s", e);
            }
            if (n < 0) {
                eof = true;
                break;
            }
            for (Decoded<AmiFrame> unit : decoder.feed(buffer, 0, n)) {
                if (unit instanceof Decoded.Ok<AmiFrame> ok) {
                    frames.add(ok.value());
                } else {
                    throw new AssertionError("malformed AMI from the simulator: " + unit);
                }
            }
        }
        return Optional.ofNullable(frames.poll());
    }

    /** Reads until the next event named {@code event} and returns it; fails at EOF or after 5 s of silence. */
    io.switchboard.sim.ami.AmiMessage until(String event) throws IOException {
        java.util.List<String> seen = new java.util.ArrayList<>();
        while (true) {
            AmiFrame frame;
            try {
                frame = next().orElseThrow(() -> new AssertionError("EOF before " + event + " after " + seen));
            } catch (AssertionError e) {
                throw new AssertionError("waiting for " + event + " after " + seen + ": " + e.getMessage(), e);
            }
            if (frame instanceof io.switchboard.sim.ami.AmiMessage m) {
                seen.add(m.event().orElse("response") + m.first("UserEvent").map(u -> "(" + u + ")").orElse(""));
                if (m.event().filter(event::equals).isPresent()) {
                    return m;
                }
            }
        }
    }

    /** Writes one action given as alternating header names and values. */
    void action(String... headers) throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < headers.length; i += 2) {
            text.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        }
        write(text.append("\r\n").toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
