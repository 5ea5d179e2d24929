package io.switchboard.queue.kpi;

import io.switchboard.core.id.QueueId;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A queue's KPIs at one moment.
 *
 * @param threshold   the service level threshold the queue is judged against
 * @param waiting     callers waiting now
 * @param longestWait how long the longest-waiting caller has waited; zero when nobody waits
 * @param windows     the figures of every {@link KpiWindow}
 * @param target      the service-level target: the share of calls (above 0, at most 1) the queue wants answered
 *                    within {@code threshold}, e.g. 0.8 (the queue's {@code serviceLevelTargetPercent})
 */
public record QueueKpis(QueueId queue, Instant at, Duration threshold, int waiting, Duration longestWait,
                        Map<KpiWindow, QueueFigures> windows, double target) {

    /** The target of a queue that has not set its own: the industry's usual 80/20. */
    public static final double DEFAULT_TARGET = 0.8;

    public QueueKpis {
        windows = Map.copyOf(windows);
        if (!(target > 0 && target <= 1)) {
            throw new IllegalArgumentException("target must be above 0 and at most 1, was " + target);
        }
    }

    /** With the {@link #DEFAULT_TARGET}. */
    public QueueKpis(QueueId queue, Instant at, Duration threshold, int waiting, Duration longestWait,
                     Map<KpiWindow, QueueFigures> windows) {
        this(queue, at, threshold, waiting, longestWait, windows, DEFAULT_TARGET);
    }
}
