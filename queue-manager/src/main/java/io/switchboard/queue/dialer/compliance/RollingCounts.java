package io.switchboard.queue.dialer.compliance;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/**
 * Call-end counts in fixed buckets (a minute, an hour) over a ring that covers a bounded past: adding a call and
 * summing a period cost the same whatever the traffic, and memory is a few arrays per campaign. A bucket is reused
 * when time comes round to it again; calls older than the ring are dropped. Not thread-safe.
 */
final class RollingCounts {

    private final long bucketMillis;
    private final long[] stamps;
    private final long[] live;
    private final long[] abandoned;
    private final long[] machines;

    /** Buckets of {@code bucket}, enough to cover {@code span}. */
    RollingCounts(Duration bucket, Duration span) {
        this.bucketMillis = bucket.toMillis();
        int size = (int) (span.toMillis() / bucketMillis) + 2;
        this.stamps = new long[size];
        Arrays.fill(stamps, Long.MIN_VALUE);
        this.live = new long[size];
        this.abandoned = new long[size];
        this.machines = new long[size];
    }

    void add(Instant at, long liveAnswers, long abandons, long machineAnswers) {
        long index = Math.floorDiv(at.toEpochMilli(), bucketMillis);
        int slot = (int) Math.floorMod(index, (long) stamps.length);
        if (stamps[slot] > index) {
            return;
        }
        if (stamps[slot] != index) {
            stamps[slot] = index;
            live[slot] = 0;
            abandoned[slot] = 0;
            machines[slot] = 0;
        }
        live[slot] += liveAnswers;
        abandoned[slot] += abandons;
        machines[slot] += machineAnswers;
    }

    /** The calls in the buckets that start at or after {@code from} and at or before {@code to}. */
    AbandonFigures.Counts between(Instant from, Instant to) {
        long first = -Math.floorDiv(-from.toEpochMilli(), bucketMillis);
        long last = Math.floorDiv(to.toEpochMilli(), bucketMillis);
        long sumLive = 0;
        long sumAbandoned = 0;
        long sumMachines = 0;
        for (int slot = 0; slot < stamps.length; slot++) {
            if (stamps[slot] >= first && stamps[slot] <= last) {
                sumLive += live[slot];
                sumAbandoned += abandoned[slot];
                sumMachines += machines[slot];
            }
        }
        return new AbandonFigures.Counts(sumLive, sumAbandoned, sumMachines);
    }
}
