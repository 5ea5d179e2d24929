package io.switchboard.queue.kpi;

import io.switchboard.core.id.CallId;
import io.switchboard.core.id.QueueId;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** One queue's buckets, the callers waiting in it now, and its open 15-minute interval. */
final class QueueTally {

    private final QueueId queue;
    private final Buckets buckets;
    private final Map<CallId, Instant> waiting = new LinkedHashMap<>();
    private Counts interval = new Counts();
    private Instant intervalStart;
    private Instant closedUpTo = Instant.MIN;

    QueueTally(QueueId queue, ZoneId zone) {
        this.queue = queue;
        this.buckets = new Buckets(zone);
    }

    /**
     * Applies {@code change} at {@code at}; an interval it closes goes to {@code closed}. A late event for an
     * interval already handed out counts in the next one, so no interval is ever handed out twice.
     */
    void count(Instant at, Consumer<Counts> change, List<IntervalRow> closed) {
        Instant start = IntervalRow.startOf(at);
        if (start.isBefore(closedUpTo)) {
            start = closedUpTo;
        }
        if (intervalStart != null && start.isAfter(intervalStart)) {
            close(closed);
        }
        if (intervalStart == null) {
            intervalStart = start;
        }
        change.accept(interval);
        buckets.add(at, change);
    }

    /** Closes the open interval if it ended by {@code now}. */
    void closeEnded(Instant now, List<IntervalRow> closed) {
        if (intervalStart != null && !intervalStart.plus(IntervalRow.LENGTH).isAfter(now)) {
            close(closed);
        }
    }

    /** The open interval's counts so far, if it counted anything. */
    Optional<IntervalRow> open() {
        return intervalStart == null || interval.isEmpty() ? Optional.empty()
                : Optional.of(IntervalRow.of(queue, intervalStart, interval));
    }

    void waits(CallId call, Instant since) {
        waiting.put(call, since);
    }

    void stopsWaiting(CallId call) {
        waiting.remove(call);
    }

    QueueKpis snapshot(Instant now, Duration threshold, double target) {
        Map<KpiWindow, QueueFigures> windows = new EnumMap<>(KpiWindow.class);
        for (KpiWindow window : KpiWindow.values()) {
            windows.put(window, QueueFigures.of(buckets.sum(window, now)));
        }
        Duration longest = waiting.values().stream().min(Instant::compareTo)
                .map(since -> Duration.between(since, now)).filter(d -> !d.isNegative()).orElse(Duration.ZERO);
        return new QueueKpis(queue, now, threshold, waiting.size(), longest, windows, target);
    }

    private void close(List<IntervalRow> closed) {
        if (!interval.isEmpty()) {
            closed.add(IntervalRow.of(queue, intervalStart, interval));
        }
        closedUpTo = intervalStart.plus(IntervalRow.LENGTH);
        interval = new Counts();
        intervalStart = null;
    }
}
