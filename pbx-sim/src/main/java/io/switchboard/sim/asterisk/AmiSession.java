package io.switchboard.sim.asterisk;

import io.switchboard.sim.ami.AmiAction;
import io.switchboard.sim.ami.AmiActionReader;
import io.switchboard.sim.ami.AmiBanner;
import io.switchboard.sim.ami.AmiMessage;
import io.switchboard.sim.wire.Decoded;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

/** One AMI TCP connection: reads actions on its own thread, hands them to the engine, writes replies. */
final class AmiSession {

    final Socket socket;
    final int id;
    private final OutputStream out;
    volatile boolean loggedIn;
    volatile boolean events = true;
    volatile String user;
    /** The last {@code Challenge} answered, for an MD5 login. */
    volatile String challenge;
    /** A RequestBadFormat owed for an unknown action, sent before the next action's reply (Quirk 9). */
    AmiMessage pendingSecurityEvent;

    AmiSession(Socket socket, int id) throws IOException {
        this.socket = socket;
        this.id = id;
        this.out = socket.getOutputStream();
    }

    void start(Engine engine) {
        Thread reader = new Thread(() -> read(engine), "pbx-sim-ami-" + id);
        reader.setDaemon(true);
        reader.start();
    }

    private void read(Engine engine) {
        AmiActionReader reader = new AmiActionReader();
        byte[] buffer = new byte[8192];
        try (InputStream in = socket.getInputStream()) {
            send(AmiBanner.asterisk20().encode());
            int n;
            while ((n = in.read(buffer)) >= 0) {
                for (Decoded<AmiAction> decoded : reader.feed(buffer, 0, n)) {
                    if (decoded instanceof Decoded.Ok<AmiAction> ok) {
                        engine.submit(this, ok.value());
                    }
                }
            }
        } catch (IOException e) {
            // the client went away; the engine forgets this session
        } finally {
            engine.closed(this);
        }
    }

    synchronized void send(AmiMessage message) {
        send(message.encode());
    }

    synchronized void send(byte[] bytes) {
        if (socket.isClosed()) {
            return;
        }
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            close();
        }
    }

    void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
