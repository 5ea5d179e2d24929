package io.switchboard.esl.connection;

import io.switchboard.core.event.PbxEvent;
import io.switchboard.core.port.PbxEventListener;
import io.switchboard.core.port.PbxEventStream;
import io.switchboard.core.port.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The {@link PbxEventStream} of one FreeSWITCH: {@link EslConnection} publishes translated events here on
 * the event executor it was given, in the order FreeSWITCH sent them, and each subscriber hands them off.
 */
public final class EslPbxEvents implements PbxEventStream {

    private static final Logger LOG = LoggerFactory.getLogger(EslPbxEvents.class);

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
