package io.switchboard.ami.connection;

import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.internal.ManagerReader;
import org.asteriskjava.manager.internal.ReaderReplacingConnection;
import org.asteriskjava.util.SocketConnectionFacade;

import java.io.IOException;

/**
 * Asterisk-Java's connection, with its socket wrapped ({@code createSocket()} is the library's extension
 * point) so that input the reader skips silently is counted and sampled in the {@link MalformedInput} that
 * {@link AmiConnection} attaches before login, and with {@link LeanManagerReader} reading in place of the
 * library's reader ({@code createReader}, through {@link ReaderReplacingConnection}). Login, actions, responses
 * and listeners are the library's.
 */
final class ObservedManagerConnection extends ReaderReplacingConnection {

    private final KnownEvents knownEvents = KnownEvents.create();
    private volatile MalformedInput malformed;

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
    protected ManagerReader createReader(ReaderOutput output, Object source) {
        return new LeanManagerReader(output, source);
    }

    @Override
    protected SocketConnectionFacade createSocket() throws IOException {
        return new ObservedSocket(super.createSocket(), new InputCheck(() -> malformed, knownEvents));
    }
}
