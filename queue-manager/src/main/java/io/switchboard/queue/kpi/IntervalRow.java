package io.switchboard.queue.kpi;

import io.switchboard.core.id.QueueId;

import java.time.Duration;
import java.time.Instant;

/**
 * A queue's counts over one closed 15-minute interval (aligned on the hour in UTC), for history. Sums, not
 * ratios, so intervals add up to any longer period: service level = answeredWithinThreshold / (answered +
 * abandoned), and so on as in {@link QueueFigures}.
 *
 * @param answerWait total queue wait of the answered calls
 * @param handleTime total talk plus wrap-up of the handled calls
 */
public record IntervalRow(QueueId queue, Instant start, long offered, long answered, long answeredWithinThreshold,
                          long abandoned, long shortAbandons, long repeatCallers, Duration answerWait, long handled,
                          Duration handleTime) {

    /** How long an interval is. */
    public static final Duration LENGTH = Duration.ofMinutes(15);

    static IntervalRow of(QueueId queue, Instant start, Counts c) {
        return new IntervalRow(queue, start, c.offered, c.answered, c.answeredWithinThreshold, c.abandoned,
                c.shortAbandons, c.repeatCallers, Duration.ofMillis(c.answerWaitMillis), c.handled,
                Duration.ofMillis(c.handleMillis));
    }

    /** The start of the interval {@code at} falls in. */
    public static Instant startOf(Instant at) {
        long length = LENGTH.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(at.toEpochMilli(), length) * length);
    }
}
