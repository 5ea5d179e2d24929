package io.switchboard.sim.asterisk;

import java.time.Instant;

/** A caller in {@code Queue()}: waiting, ringing a member, or connected to one. Engine-thread confined. */
final class QueueEntry {

    final String queue;
    final SimChannel caller;
    final Instant joined;
    final int originalPosition;
    /** The member being rung or talking, or null while the caller just waits. */
    QueueMember member;
    /** The agent channel ({@code ;1}) once rung. */
    SimChannel agent;
    Instant ringStarted;
    Instant connected;
    VirtualScheduler.Timer retry;

    QueueEntry(String queue, SimChannel caller, Instant joined, int originalPosition) {
        this.queue = queue;
        this.caller = caller;
        this.joined = joined;
        this.originalPosition = originalPosition;
    }
}
