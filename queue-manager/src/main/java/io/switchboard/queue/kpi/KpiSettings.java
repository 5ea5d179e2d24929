package io.switchboard.queue.kpi;

import io.switchboard.core.id.QueueId;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How calls are judged.
 *
 * @param serviceLevelThreshold a call answered after waiting at most this long is answered within service level
 * @param thresholdByQueue      per-queue thresholds that replace the default (e.g. the queue's
 *                              {@code service_level_seconds})
 * @param shortAbandon          a caller who hangs up after waiting less than this is a short abandon: counted
 *                              apart, in neither service level nor abandonment rate
 * @param repeatWithin          a caller who calls again within this time is a repeat caller
 * @param zone                  where "since midnight" starts
 */
public record KpiSettings(Duration serviceLevelThreshold, Map<QueueId, Duration> thresholdByQueue,
                          Duration shortAbandon, Duration repeatWithin, ZoneId zone) {

    public KpiSettings {
        Objects.requireNonNull(serviceLevelThreshold, "serviceLevelThreshold");
        thresholdByQueue = Map.copyOf(thresholdByQueue);
        Objects.requireNonNull(shortAbandon, "shortAbandon");
        Objects.requireNonNull(repeatWithin, "repeatWithin");
        Objects.requireNonNull(zone, "zone");
    }

    /** 20 s service level threshold, 5 s short abandons, repeat callers within 24 h, midnight in UTC. */
    public static KpiSettings defaults() {
        return new KpiSettings(Duration.ofSeconds(20), Map.of(), Duration.ofSeconds(5), Duration.ofHours(24),
                ZoneOffset.UTC);
    }

    /** The same settings with midnight in {@code other}. */
    public KpiSettings inZone(ZoneId other) {
        return new KpiSettings(serviceLevelThreshold, thresholdByQueue, shortAbandon, repeatWithin, other);
    }

    /** The same settings with {@code queue} judged against {@code threshold}. */
    public KpiSettings withThreshold(QueueId queue, Duration threshold) {
        Map<QueueId, Duration> next = new HashMap<>(thresholdByQueue);
        next.put(queue, threshold);
        return new KpiSettings(serviceLevelThreshold, next, shortAbandon, repeatWithin, zone);
    }

    /** The service level threshold of {@code queue}. */
    public Duration thresholdOf(QueueId queue) {
        return thresholdByQueue.getOrDefault(queue, serviceLevelThreshold);
    }
}
