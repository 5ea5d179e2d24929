package io.switchboard.ami.connection;

import org.asteriskjava.util.SocketConnectionFacade;

import java.io.IOException;
import java.net.InetAddress;

/** Asterisk-Java's socket, with every line it reads shown to an {@link InputCheck} as well. */
final class ObservedSocket implements SocketConnectionFacade {

    private final SocketConnectionFacade socket;
    private final InputCheck check;

    ObservedSocket(SocketConnectionFacade socket, InputCheck check) {
        this.socket = socket;
        this.check = check;
    }

    @Override
    public String readLine() throws IOException {
        String line = socket.readLine();
        check.line(line);
        return line;
    }

    @Override
    public void write(String s) throws IOException {
        socket.write(s);
    }

    @Override
    public void flush() throws IOException {
        socket.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    @Override
    public boolean isConnected() {
        return socket.isConnected();
    }

    @Override
    public InetAddress getLocalAddress() {
        return socket.getLocalAddress();
    }

    @Override
    public int getLocalPort() {
        return socket.getLocalPort();
    }

    @Override
    public InetAddress getRemoteAddress() {
        return socket.getRemoteAddress();
    }

    @Override
    public int getRemotePort() {
        return socket.getRemotePort();
    }
}
