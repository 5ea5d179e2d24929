package io.switchboard.core.port;

/**
 * The events one PBX reports, translated into {@code PbxEvent}s. Implementations
 * are {@code AmiEventStream} and {@code EslEventStream}; events of one call are
 * delivered in the order the PBX reported them.
 */
public interface PbxEventStream {

    /** Starts delivering events to {@code listener} until the returned subscription is closed. */
    Subscription subscribe(PbxEventListener listener);
}
