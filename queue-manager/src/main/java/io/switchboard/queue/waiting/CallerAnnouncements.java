package io.switchboard.queue.waiting;

import io.switchboard.core.Require;

import java.time.Duration;
import java.util.Set;

/**
 * What a queue tells its waiting callers, and how often: app_queue's {@code announce-frequency},
 * {@code announce-position}, {@code announce-position-limit}, {@code announce-holdtime} and
 * {@code announce-round-seconds}, as one value of the queue's setup.
 *
 * @param frequency     how long after the caller starts waiting, and then after each announcement, the next one
 *                      is made; zero turns announcements off (app_queue's default)
 * @param position      whether the caller's position is said
 * @param positionLimit the limit {@link PositionAnnouncement#LIMIT} and {@link PositionAnnouncement#MORE} compare
 *                      the position with; at least 1
 * @param estimatedWait whether the estimated wait is said
 * @param roundSeconds  0: the estimated wait is said in whole minutes, rounded to the nearest; otherwise in
 *                      minutes and seconds, rounded up to a multiple of this (app_queue's 5, 10, 15, 20 or 30)
 */
public record CallerAnnouncements(Duration frequency, PositionAnnouncement position, int positionLimit,
                                  WaitEstimateAnnouncement estimatedWait, int roundSeconds) {

    /** The rounding steps app_queue accepts for {@code announce-round-seconds}; 0 rounds to whole minutes. */
    public static final Set<Integer> ROUNDINGS = Set.of(0, 5, 10, 15, 20, 30);

    /** No announcements: callers hear the music on hold only. */
    public static final CallerAnnouncements OFF = new CallerAnnouncements(Duration.ZERO, PositionAnnouncement.YES,
            10, WaitEstimateAnnouncement.NO, 0);

    /** When the caller's position is said (app_queue's {@code announce-position}). */
    public enum PositionAnnouncement {
        /** Never. */
        NO,
        /** Always: "you are next", or "there are N calls waiting". */
        YES,
        /** Only while the position is at most the limit; further back, the caller hears the wait only. */
        LIMIT,
        /** The position while it is at most the limit; further back, "more than <limit> calls are waiting". */
        MORE
    }

    /** When the estimated wait is said (app_queue's {@code announce-holdtime}). */
    public enum WaitEstimateAnnouncement {
        /** Never. */
        NO,
        /** In every announcement, when an estimate exists and rounds to more than nothing. */
        YES,
        /** In the first announcement that has an estimate to say, then no more. */
        ONCE
    }

    public CallerAnnouncements {
        Require.nonNegative(frequency, "frequency");
        Require.nonNull(position, "position");
        Require.atLeast(positionLimit, 1, "positionLimit");
        Require.nonNull(estimatedWait, "estimatedWait");
        if (!ROUNDINGS.contains(roundSeconds)) {
            throw new IllegalArgumentException("roundSeconds must be one of 0, 5, 10, 15, 20, 30, not " + roundSeconds);
        }
    }

    /** Whether callers hear anything at all besides the music. */
    public boolean enabled() {
        return !frequency.isZero()
                && (position != PositionAnnouncement.NO || estimatedWait != WaitEstimateAnnouncement.NO);
    }
}
