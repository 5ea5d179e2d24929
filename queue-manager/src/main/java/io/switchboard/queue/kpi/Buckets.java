package io.switchboard.queue.kpi;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.function.ObjLongConsumer;

/**
 * One queue's or agent's counts in one-minute buckets for the last hour, plus a running total since midnight.
 * Memory is bounded: at most 60 buckets and one total, whatever the traffic, and a bucket exists only for a minute
 * that counted something (a queue or agent with no traffic in the hour holds none: with 10,000 agents and 2,000
 * queues most tallies are quiet). A bucket whose minute has passed out of the hour is replaced; the total starts
 * again at the first change or read after midnight.
 */
final class Buckets {

    private static final int MINUTES = 60;
    private static final long MINUTE_MILLIS = 60_000;

    private final ZoneId zone;
    /** The buckets by slot (minute modulo 60), and the minute each holds; both made at the first count. */
    private Counts[] minutes;
    private long[] minuteOf;
    private Counts today = new Counts();
    private LocalDate day;

    Buckets(ZoneId zone) {
        this.zone = zone;
    }

    /** Applies {@code change} to the minute of {@code at} and to today's total. */
    void add(Instant at, Consumer<Counts> change) {
        long minute = Math.floorDiv(at.toEpochMilli(), MINUTE_MILLIS);
        Counts bucket = bucket(minute);
        if (bucket != null) {
            change.accept(bucket);
        }
        LocalDate date = at.atZone(zone).toLocalDate();
        rollTo(date);
        if (date.equals(day)) {
            change.accept(today);
        }
    }

    /** Spreads the time from {@code from} to {@code to} over the minutes it covers (and today's part of it). */
    void addTime(Instant from, Instant to, ObjLongConsumer<Counts> credit) {
        if (!to.isAfter(from)) {
            return;
        }
        long end = to.toEpochMilli();
        long start = Math.max(from.toEpochMilli(), (Math.floorDiv(end, MINUTE_MILLIS) - MINUTES + 1) * MINUTE_MILLIS);
        for (long t = start; t < end; ) {
            long minute = Math.floorDiv(t, MINUTE_MILLIS);
            long next = Math.min(end, (minute + 1) * MINUTE_MILLIS);
            Counts bucket = bucket(minute);
            if (bucket != null) {
                credit.accept(bucket, next - t);
            }
            t = next;
        }
        LocalDate date = to.atZone(zone).toLocalDate();
        rollTo(date);
        if (date.equals(day)) {
            Instant midnight = date.atStartOfDay(zone).toInstant();
            Instant counted = from.isBefore(midnight) ? midnight : from;
            credit.accept(today, Duration.between(counted, to).toMillis());
        }
    }

    /** The counts of {@code window} as seen at {@code now}. */
    ZoneId zone() {
        return zone;
    }

    Counts sum(KpiWindow window, Instant now) {
        if (window == KpiWindow.SINCE_MIDNIGHT) {
            rollTo(now.atZone(zone).toLocalDate());
            return today.copy();
        }
        long last = Math.floorDiv(now.toEpochMilli(), MINUTE_MILLIS);
        long first = Math.floorDiv(window.start(now, zone).toEpochMilli(), MINUTE_MILLIS);
        Counts sum = new Counts();
        if (minutes == null) {
            return sum;
        }
        for (int i = 0; i < MINUTES; i++) {
            if (minuteOf[i] >= first && minuteOf[i] <= last) {
                sum.add(minutes[i]);
            }
        }
        return sum;
    }

    private Counts bucket(long minute) {
        if (minutes == null) {
            minutes = new Counts[MINUTES];
            minuteOf = new long[MINUTES];
            Arrays.fill(minuteOf, Long.MIN_VALUE);
        }
        int slot = (int) Math.floorMod(minute, (long) MINUTES);
        if (minuteOf[slot] == minute) {
            return minutes[slot];
        }
        if (minuteOf[slot] > minute) {
            return null;
        }
        minutes[slot] = new Counts();
        minuteOf[slot] = minute;
        return minutes[slot];
    }

    private void rollTo(LocalDate date) {
        if (day == null || date.isAfter(day)) {
            day = date;
            today = new Counts();
        }
    }
}
