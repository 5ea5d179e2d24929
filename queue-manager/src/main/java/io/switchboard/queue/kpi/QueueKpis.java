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
 */
public record QueueKpis(QueueId queue, Instant at, Duration threshold, int waiting, Duration longestWait,
                        Map<KpiWindow, QueueFigures> windows) {

    public QueueKpis {
        windows = Map.copyOf(windows);
    }
}
