package io.switchboard.queue.state;

import com.hazelcast.map.EntryProcessor;

import java.util.Map;

/**
 * Runs on the member that owns the agent's partition, so the check of the
 * version and the write are one atomic step: no lock, no second round trip.
 * An agent with no entry counts as version 0. It and its outcome travel as
 * {@link StatusSerializers} write them.
 */
final class CompareAndSet implements EntryProcessor<String, StoredStatus, CompareAndSet.Outcome> {

    private static final long serialVersionUID = 1L;

    private final long expectedVersion;
    private final StoredStatus next;

    CompareAndSet(long expectedVersion, StoredStatus next) {
        this.expectedVersion = expectedVersion;
        this.next = next;
    }

    long expectedVersion() {
        return expectedVersion;
    }

    StoredStatus next() {
        return next;
    }

    @Override
    public Outcome process(Map.Entry<String, StoredStatus> entry) {
        StoredStatus current = entry.getValue();
        long currentVersion = current == null ? 0L : current.version();
        if (currentVersion != expectedVersion) {
            return new Outcome(false, current);
        }
        entry.setValue(next);
        return new Outcome(true, next);
    }

    /** What the owning member found: whether it stored, and the status now in the map. */
    record Outcome(boolean stored, StoredStatus current) {
    }
}
