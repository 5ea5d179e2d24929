package io.switchboard.queue.routing;

import io.switchboard.core.id.QueueId;

import java.util.Collection;

/** Where waiting calls stand in their queue, counted over the router's calls in arrival order. */
final class QueuePositions {

    private QueuePositions() {
    }

    /** How many calls wait in {@code queue} now. */
    static int waitingIn(Collection<RoutedCall> calls, QueueId queue) {
        return (int) calls.stream().filter(c -> c.queue.id().equals(queue) && c.isWaiting()).count();
    }

    /** The position of {@code call} in its queue, 1 for the head: one more than the waiting calls before it. */
    static int position(Collection<RoutedCall> calls, RoutedCall call) {
        int position = 1;
        for (RoutedCall other : calls) {
            if (other == call) {
                return position;
            }
            if (other.queue.id().equals(call.queue.id()) && other.isWaiting()) {
                position++;
            }
        }
        return position;
    }
}
