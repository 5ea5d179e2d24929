package io.switchboard.queue.routing;

import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A read-only list worked out the first time it is read, then kept. The queue rules are handed a queue's members
 * for every arriving caller, but read them only when the queue has a join or leave rule ({@code joinempty},
 * {@code leavewhenempty}); most queues have neither, so a caller no longer costs a walk over every known agent
 * (it was the router's largest allocation at 200 calls/s). Used on the router's context only.
 */
final class ReadOnDemand<T> extends AbstractList<T> {

    private final Supplier<List<T>> source;
    private List<T> read;

    /** A list that asks {@code source} for its elements at the first read, once. */
    ReadOnDemand(Supplier<List<T>> source) {
        this.source = Objects.requireNonNull(source, "source");
    }

    @Override
    public T get(int index) {
        return elements().get(index);
    }

    @Override
    public int size() {
        return elements().size();
    }

    private List<T> elements() {
        if (read == null) {
            read = List.copyOf(source.get());
        }
        return read;
    }
}
