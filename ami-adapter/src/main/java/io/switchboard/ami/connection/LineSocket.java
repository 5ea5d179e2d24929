package io.switchboard.ami.connection;

import org.asteriskjava.util.SocketConnectionFacade;

import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.Charset;
import java.util.Arrays;

/**
 * The AMI socket in place of Asterisk-Java's {@code SocketConnectionFacadeImpl}, opened the same way (plain or
 * TLS, the read timeout set, then the connect with its timeout) and writing the same way, but reading lines
 * straight from the socket's bytes: a line is found as CRLF in a byte buffer and decoded once into its
 * {@code String}. The library's scanner copies each line twice more (a {@code StringBuilder} and a
 * {@code substring}), a fifth of what it allocated per event. A lone LF stays inside the line, as with the
 * library ({@code Response: Follows} output). The end of the stream is an {@link IOException}, as there.
 */
final class LineSocket implements SocketConnectionFacade {

    private static final int INITIAL_BUFFER = 64 * 1024;
    static final int MAX_LINE = 16 * 1024 * 1024;

    private final Socket socket;
    private final InputStream in;
    private final Writer writer;
    private final Charset charset;
    private byte[] buffer = new byte[INITIAL_BUFFER];
    private int start;
    private int end;
    private int scanned;

    LineSocket(Socket socket, Charset charset) throws IOException {
        this.socket = socket;
        this.charset = charset;
        this.in = socket.getInputStream();
        this.writer = new BufferedWriter(new OutputStreamWriter(socket.getOutputStream(), charset));
    }

    /** Connects as the library does: {@code readTimeout} on reads (0: none), {@code connectTimeout} on the connect. */
    static LineSocket open(String host, int port, boolean ssl, int connectTimeout, int readTimeout, Charset charset)
            throws IOException {
        Socket socket = (ssl ? SSLSocketFactory.getDefault() : SocketFactory.getDefault()).createSocket();
        try {
            socket.setSoTimeout(readTimeout);
            socket.connect(new InetSocketAddress(host, port), connectTimeout);
            return new LineSocket(socket, charset);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    @Override
    public String readLine() throws IOException {
        while (true) {
            for (int i = Math.max(scanned, start); i + 1 < end; i++) {
                if (buffer[i] == '\r' && buffer[i + 1] == '\n') {
                    String line = new String(buffer, start, i - start, charset);
                    start = i + 2;
                    scanned = start;
                    return line;
                }
            }
            scanned = Math.max(start, end - 1);
            fill();
        }
    }

    /** Reads more bytes, first moving the unread ones to the front (and growing the buffer for a long line). */
    private void fill() throws IOException {
        if (start > 0) {
            System.arraycopy(buffer, start, buffer, 0, end - start);
            end -= start;
            scanned -= start;
            start = 0;
        }
        if (end == buffer.length) {
            if (buffer.length >= MAX_LINE) {
                throw new IOException("AMI line longer than " + MAX_LINE + " bytes");
            }
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        int read = in.read(buffer, end, buffer.length - end);
        if (read < 0) {
            throw new IOException("No more lines available: end of the AMI stream");
        }
        end += read;
    }

    @Override
    public void write(String s) throws IOException {
        writer.write(s);
    }

    @Override
    public void flush() throws IOException {
        writer.flush();
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
        return socket.getInetAddress();
    }

    @Override
    public int getRemotePort() {
        return socket.getPort();
    }
}
