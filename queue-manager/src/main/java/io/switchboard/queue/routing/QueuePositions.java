package io.switchboard.queue.routing;

import io.switchboard.core.id.CallId;
import io.switchboard.core.id.QueueId;
import io.switchboard.core.routing.TaskStatus;

import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where waiting calls stand in their queue: each queue's calls that have not reached an agent yet (waiting or
 * ringing one), in arrival order, so numbering a caller walks the callers of that queue still in line, not
 * every call the router holds (most of which are talking). A call leaves its queue's line when it is removed,
 * and lazily, at the next count, once it reached an agent or ended. A call is indexed under the queue it had
 * when put: a call moved to another queue must be put again. Touched only on the router's context.
 */
final class QueuePositions {

    private final Map<QueueId, LinkedHashMap<CallId, RoutedCall>> lines = new HashMap<>();

    /** {@code call} joins the end of its queue's line, or keeps its place when it is there already. */
    void put(RoutedCall call) {
        lines.computeIfAbsent(call.queue.id(), id -> new LinkedHashMap<>()).put(call.id(), call);
    }

    /** {@code call} leaves its queue's line. */
    void remove(RoutedCall call) {
        LinkedHashMap<CallId, RoutedCall> line = lines.get(call.queue.id());
        if (line != null) {
            line.remove(call.id(), call);
        }
    }

    /** How many calls wait in {@code queue} now. */
    int waitingIn(QueueId queue) {
        return count(queue, null);
    }

    /** The position of {@code call} in its queue, 1 for the head: one more than the waiting calls before it. */
    int position(RoutedCall call) {
        return count(call.queue.id(), call) + 1;
    }

    /** The waiting calls of {@code queue} before {@code until} (all of them when null), pruning those done. */
    private int count(QueueId queue, RoutedCall until) {
        LinkedHashMap<CallId, RoutedCall> line = lines.get(queue);
        if (line == null) {
            return 0;
        }
        int waiting = 0;
        for (Iterator<RoutedCall> it = line.values().iterator(); it.hasNext(); ) {
            RoutedCall other = it.next();
            if (other == until) {
                return waiting;
            }
            if (reachedAgentOrEnded(other.task.status()) || !other.queue.id().equals(queue)) {
                it.remove();
            } else if (other.isWaiting()) {
                waiting++;
            }
        }
        if (line.isEmpty()) {
            lines.remove(queue);
        }
        return waiting;
    }

    private static boolean reachedAgentOrEnded(TaskStatus status) {
        return status != TaskStatus.PENDING && status != TaskStatus.RESERVED;
    }
}
