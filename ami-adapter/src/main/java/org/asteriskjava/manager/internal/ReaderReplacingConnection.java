package org.asteriskjava.manager.internal;

import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.response.ManagerResponse;

import java.util.Map;

/**
 * Switchboard's door into the package-private plumbing of Asterisk-Java 3.42's connection, so that a reader of
 * its own can replace {@link ManagerReaderImpl}: {@code createReader} is the library's extension point, but it
 * takes the package-private {@code Dispatcher}, so only a class in this package can override it. This class
 * lives in the Switchboard AMI adapter's jar (a split package on the class path, no module) and holds nothing
 * but that override and thin, public forwards to what the library keeps package-private. Should a later
 * Asterisk-Java change these, this is the one class that stops compiling.
 */
public abstract class ReaderReplacingConnection extends ManagerConnectionImpl {

    /** Asks the subclass for its reader, handing it the connection's dispatcher wrapped as {@link ReaderOutput}. */
    @Override
    protected final ManagerReader createReader(Dispatcher dispatcher, Object source) {
        return createReader(new ReaderOutput(dispatcher), source);
    }

    /**
     * The reader this connection runs on its reader thread; called whenever the library would make its own
     * (before the first login, and again if a user event class is registered before that).
     */
    protected abstract ManagerReader createReader(ReaderOutput output, Object source);

    /**
     * Where a reader hands what it read: events and responses go to the connection exactly as the library's
     * reader hands them (no handling-time budget), responses are built by the library's response builder.
     */
    public static final class ReaderOutput {

        private final Dispatcher dispatcher;
        private final ResponseBuilder responses = new ResponseBuilderImpl();

        ReaderOutput(Dispatcher dispatcher) {
            this.dispatcher = dispatcher;
        }

        /** Hands an event to the connection, on the calling thread: its listeners run before this returns. */
        public void event(ManagerEvent event) {
            dispatcher.dispatchEvent(event, null);
        }

        /** Hands a response to the connection, which completes the action waiting for it. */
        public void response(ManagerResponse response) {
            dispatcher.dispatchResponse(response, null);
        }

        /** The library's response for these headers (lower-case names, a repeated name as a list). */
        public ManagerResponse buildResponse(Class<? extends ManagerResponse> expected, Map<String, Object> headers) {
            return responses.buildResponse(expected, headers);
        }
    }

    /**
     * The library's own event builder, used once per event name to learn which class the library makes for
     * it, and for the shapes a lean reader leaves to it (an {@code Event} header given several times).
     */
    public static final class LibraryEvents {

        private final EventBuilder builder = new EventBuilderImpl();

        /** Registers a (user) event class, as the connection's {@code registerUserEventClass} does. */
        public void register(Class<? extends ManagerEvent> eventClass) {
            builder.registerEventClass(eventClass);
        }

        /** Forgets an event class. */
        public void deregister(Class<? extends ManagerEvent> eventClass) {
            builder.deregisterEventClass(eventClass);
        }

        /** The library's event for these headers, or null if it has no class for them. */
        public ManagerEvent build(Object source, Map<String, Object> headers) {
            return builder.buildEvent(source, headers);
        }
    }

    /** The ActionID prefix the library adds to find the action a response answers, or null. */
    public static String internalActionId(String actionId) {
        return ManagerUtil.getInternalActionId(actionId);
    }

    /** The ActionID the caller gave, without the library's prefix. */
    public static String stripInternalActionId(String actionId) {
        return ManagerUtil.stripInternalActionId(actionId);
    }
}
