package io.switchboard.queue.routing;

import io.switchboard.core.id.QueueId;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Each queue's recent talk times, from the router's own journal: the last {@value #KEPT} conversations that
 * ended ({@code Completed}), averaged. The estimated wait adds the queue's wrap-up to make a handle time. Kept
 * in the routing node's memory, so a restarted node estimates nothing until a call of the queue ends.
 * Touched only on the router's context.
 */
final class HandleTimes {

    /** How many conversations per queue the average is over. */
    static final int KEPT = 20;

    private final Map<QueueId, Deque<Duration>> talks = new HashMap<>();

    /** {@code journal}, with every ended conversation counted first. */
    RoutingJournal tap(RoutingJournal journal) {
        return entry -> {
            if (entry instanceof JournalEntry.Completed completed) {
                ended(completed.queue(), completed.talked());
            }
            return journal.record(entry);
        };
    }

    /** A conversation of {@code queue} ended after {@code talked}. */
    void ended(QueueId queue, Duration talked) {
        Deque<Duration> recent = talks.computeIfAbsent(queue, q -> new ArrayDeque<>());
        recent.addLast(talked);
        if (recent.size() > KEPT) {
            recent.removeFirst();
        }
    }

    /** The average talk time of the queue's recent conversations; empty before the first ended. */
    Optional<Duration> averageTalk(QueueId queue) {
        Deque<Duration> recent = talks.get(queue);
        if (recent == null || recent.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(recent.stream().reduce(Duration.ZERO, Duration::plus).dividedBy(recent.size()));
    }
}
