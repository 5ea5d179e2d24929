package org.asteriskjava.manager.internal;

import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.response.ManagerResponse;

import java.util.function.Consumer;

/** For tests: readers and outputs wired to plain consumers instead of a connection. */
public final class ReaderHarness {

    private ReaderHarness() {
    }

    /** An output that hands events and responses to the consumers, on the reader's thread. */
    public static ReaderReplacingConnection.ReaderOutput output(Consumer<ManagerEvent> events,
            Consumer<ManagerResponse> responses) {
        return new ReaderReplacingConnection.ReaderOutput(dispatcher(events, responses));
    }

    /** Asterisk-Java's own reader (its events reach the consumers on its pump thread). */
    public static ManagerReader libraryReader(Object source, Consumer<ManagerEvent> events,
            Consumer<ManagerResponse> responses) {
        return new ManagerReaderImpl(dispatcher(events, responses), source);
    }

    private static Dispatcher dispatcher(Consumer<ManagerEvent> events, Consumer<ManagerResponse> responses) {
        return new Dispatcher() {
            @Override
            public void dispatchResponse(ManagerResponse response, Integer requiredHandlingTime) {
                responses.accept(response);
            }

            @Override
            public void dispatchEvent(ManagerEvent event, Integer requiredHandlingTime) {
                events.accept(event);
            }

            @Override
            public void stop() {
            }
        };
    }
}
