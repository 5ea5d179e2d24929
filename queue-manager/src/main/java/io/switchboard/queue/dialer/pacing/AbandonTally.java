package io.switchboard.queue.dialer.pacing;

import java.time.Duration;
import java.time.Instant;

/**
 * Live answers and abandoned calls over a rolling window, kept in {@code buckets} equal buckets (24 hours in
 * minutes, 30 days in hours), so the window slides by a bucket at a time and costs the same however busy the
 * campaign is. Not thread-safe: one campaign's figures live on one thread.
 */
final class AbandonTally {

    private final long bucketMillis;
    private final long[] live;
    private final long[] abandoned;
    private long latest = Long.MIN_VALUE;
    private long liveTotal;
    private long abandonedTotal;

    AbandonTally(Duration window, int buckets) {
        if (buckets < 1 || window.toMillis() % buckets != 0) {
            throw new IllegalArgumentException("buckets must divide the window " + window + ", was " + buckets);
        }
        this.bucketMillis = window.toMillis() / buckets;
        this.live = new long[buckets];
        this.abandoned = new long[buckets];
    }

    /** A live answer reached an agent ({@code lost} false) or was abandoned ({@code lost} true). */
    void add(Instant at, boolean lost) {
        long bucket = slide(at);
        if (bucket < 0) {
            return;
        }
        int slot = (int) Math.floorMod(bucket, (long) live.length);
        live[slot]++;
        liveTotal++;
        if (lost) {
            abandoned[slot]++;
            abandonedTotal++;
        }
    }

    /** The counts of the window that ends at {@code now}. */
    AbandonCount at(Instant now) {
        slide(now);
        return new AbandonCount(liveTotal, abandonedTotal);
    }

    /** Moves the window's end to {@code at}; returns {@code at}'s bucket, or -1 if it is older than the window. */
    private long slide(Instant at) {
        long bucket = Math.floorDiv(at.toEpochMilli(), bucketMillis);
        if (latest == Long.MIN_VALUE) {
            latest = bucket;
            return bucket;
        }
        if (bucket <= latest) {
            return bucket > latest - live.length ? bucket : -1;
        }
        long steps = Math.min(bucket - latest, live.length);
        for (long i = 1; i <= steps; i++) {
            int slot = (int) Math.floorMod(latest + i, (long) live.length);
            liveTotal -= live[slot];
            abandonedTotal -= abandoned[slot];
            live[slot] = 0;
            abandoned[slot] = 0;
        }
        latest = bucket;
        return bucket;
    }
}
