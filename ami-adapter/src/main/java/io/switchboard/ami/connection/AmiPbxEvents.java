package io.switchboard.ami.connection;

import io.switchboard.core.event.PbxEvent;
import io.switchboard.core.port.PbxEventListener;
import io.switchboard.core.port.PbxEventStream;
import io.switchboard.core.port.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The {@link PbxEventStream} of one Asterisk: {@link AmiConnection} publishes translated events here on
 * Asterisk-Java's reader thread, in the order Asterisk sent them, and each subscriber hands them off.
 */
public final class AmiPbxEvents implements PbxEventStream {

    private static final Logger LOG = LoggerFactory.getLogger(AmiPbxEvents.class);

    private final CopyOnWriteArrayList<PbxEventListener> listeners = new CopyOnWriteArrayList<>();

    @Override
    public Subscription subscribe(PbxEventListener listener) {
        Objects.requireNonNull(listener, "listener");
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Delivers one event to every subscriber; a throwing subscriber is logged and does not stop the others. */
    void publish(PbxEvent event) {
        for (PbxEventListener listener : listeners) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                LOG.warn("PBX event listener {} threw on {}", listener, event.getClass().getSimpleName(), e);
            }
        }
    }
}
