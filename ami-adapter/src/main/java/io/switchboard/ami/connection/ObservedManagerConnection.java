package io.switchboard.ami.connection;

import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.internal.ManagerConnectionImpl;
import org.asteriskjava.util.SocketConnectionFacade;

import java.io.IOException;

/**
 * Asterisk-Java's connection, with its socket wrapped ({@code createSocket()} is the library's extension
 * point) so that input its reader skips silently is counted and sampled in the {@link MalformedInput} that
 * {@link AmiConnection} attaches before login. The reader, its event builder and dispatch are the library's.
 */
final class ObservedManagerConnection extends ManagerConnectionImpl {

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
    protected SocketConnectionFacade createSocket() throws IOException {
        return new ObservedSocket(super.createSocket(), new InputCheck(() -> malformed, knownEvents));
    }
}
