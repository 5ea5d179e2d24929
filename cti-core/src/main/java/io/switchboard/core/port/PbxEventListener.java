package io.switchboard.core.port;

import io.switchboard.core.event.PbxEvent;

/**
 * Receives translated PBX events. It is called on the adapter's own thread
 * (an AMI reader, a Netty loop), so it must only hand the event off, never do
 * the work itself or block.
 */
@FunctionalInterface
public interface PbxEventListener {

    /** Takes one event; must return quickly and must not throw. */
    void onEvent(PbxEvent event);
}
