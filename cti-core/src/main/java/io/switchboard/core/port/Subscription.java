package io.switchboard.core.port;

/** A listener's registration; closing it stops deliveries. Closing twice is harmless. */
public interface Subscription extends AutoCloseable {

    /** Stops delivering events to the listener. */
    @Override
    void close();
}
