package io.switchboard.ami.connection;

import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.internal.ManagerReader;
import org.asteriskjava.manager.internal.ReaderReplacingConnection;
import org.asteriskjava.util.SocketConnectionFacade;

import java.io.IOException;

/**
 * Asterisk-Java's connection with a socket and a reader of Switchboard's own, both through the library's
 * extension points: {@code createSocket()} opens a {@link LineSocket}, wrapped so that input the reader skips
 * silently is counted and sampled in the {@link MalformedInput} that {@link AmiConnection} attaches before login;
 * {@code createReader} (through {@link ReaderReplacingConnection}) makes a {@link LeanManagerReader}. Login,
 * actions, responses and listeners are the library's.
 */
final class ObservedManagerConnection extends ReaderReplacingConnection {

    private final KnownEvents knownEvents = KnownEvents.create();
    private volatile MalformedInput malformed;
    private volatile int connectTimeout; // the library's fields are private and have no getters
    private volatile int readTimeout;

    /** Reports skipped input to {@code sink} from now on. */
    void reportTo(MalformedInput sink) {
        this.malformed = sink;
    }

    @Override
    public void registerUserEventClass(Class<? extends ManagerEvent> userEventClass) {
        super.registerUserEventClass(userEventClass);
        knownEvents.register(userEventClass);
    }

    @Override
    public void setSocketTimeout(int socketTimeout) {
        super.setSocketTimeout(socketTimeout);
        this.connectTimeout = socketTimeout;
    }

    @Override
    public void setSocketReadTimeout(int socketReadTimeout) {
        super.setSocketReadTimeout(socketReadTimeout);
        this.readTimeout = socketReadTimeout;
    }

    @Override
    protected ManagerReader createReader(ReaderOutput output, Object source) {
        return new LeanManagerReader(output, source);
    }

    @Override
    protected SocketConnectionFacade createSocket() throws IOException {
        LineSocket socket = LineSocket.open(getHostname(), getPort(), isSsl(), connectTimeout, readTimeout, getEncoding());
        return new ObservedSocket(socket, new InputCheck(() -> malformed, knownEvents));
    }
}
