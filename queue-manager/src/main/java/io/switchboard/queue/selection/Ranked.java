package io.switchboard.queue.selection;

import io.switchboard.core.id.QueueId;
import io.switchboard.core.routing.RoutingStrategy;

import java.time.Instant;
import java.util.Comparator;

/**
 * One offerable agent's place in one queue: by membership penalty, then by the queue's strategy metric
 * (lower first), then by configured position, then by id, so equal agents always come out in the same order.
 */
record Ranked(AgentSnapshot snapshot, QueueId queue, int penalty, long metric, int position) {

    static final Comparator<Ranked> ORDER = Comparator.comparingInt(Ranked::penalty)
            .thenComparingLong(Ranked::metric)
            .thenComparingInt(Ranked::position)
            .thenComparing(r -> r.snapshot().id().value());

    static Ranked of(AgentSnapshot snapshot, QueueId queue, int penalty, RoutingStrategy strategy, int position) {
        return new Ranked(snapshot, queue, penalty, metric(snapshot, queue, strategy), position);
    }

    /** The strategy's figure for this agent in this queue: the lower, the sooner offered. */
    private static long metric(AgentSnapshot snapshot, QueueId queue, RoutingStrategy strategy) {
        return switch (strategy) {
            case LONGEST_IDLE -> snapshot.idleSince().toEpochMilli();
            case LEAST_RECENT -> snapshot.lastTaskEndIn(queue).map(Instant::toEpochMilli).orElse(Long.MIN_VALUE);
            case FEWEST_CALLS -> snapshot.callsTodayIn(queue);
            case LEAST_TALK_TIME -> snapshot.talkTimeToday().toMillis();
            case RING_ALL, ROUND_ROBIN_MEMORY, LINEAR, RANDOM, WEIGHTED_RANDOM, RING_PROGRESSIVELY -> 0L;
        };
    }
}
