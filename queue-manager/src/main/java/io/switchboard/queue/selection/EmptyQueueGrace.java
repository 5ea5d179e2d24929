package io.switchboard.queue.selection;

import io.switchboard.core.Require;

import java.time.Duration;
import java.time.Instant;

/**
 * How long a queue must have been empty under its {@link QueueRules#leaveWhenEmpty()} policy before its waiting
 * callers leave ({@link ExitReason#LEAVEEMPTY}): mod_callcenter's {@code max-wait-time-with-no-agent}. A member
 * logging back in within it keeps every caller in place; a caller arriving once it is over leaves at once, as
 * mod_callcenter's members do once the queue has been without agents for that long.
 *
 * @param leaveAfter how long the queue must stay empty; zero: callers leave the moment it is (app_queue's
 *                   {@code leavewhenempty}); at most a day
 */
public record EmptyQueueGrace(Duration leaveAfter) {

    /** The longest grace accepted, a day (as every other queue timer). */
    public static final Duration MAX = Duration.ofDays(1);

    /** No grace: callers leave as soon as the queue is empty. */
    public static final EmptyQueueGrace NONE = new EmptyQueueGrace(Duration.ZERO);

    public EmptyQueueGrace {
        Require.nonNull(leaveAfter, "leaveAfter");
        if (leaveAfter.isNegative() || leaveAfter.compareTo(MAX) > 0) {
            throw new IllegalArgumentException("leaveAfter must be from 0 to " + MAX.toSeconds() + " s, was "
                    + leaveAfter.toSeconds() + " s");
        }
    }

    /** When callers of a queue empty since {@code emptySince} must leave. */
    public Instant leaveAt(Instant emptySince) {
        return emptySince.plus(leaveAfter);
    }

    /** Whether a queue empty since {@code emptySince} has been so for the whole grace at {@code now}. */
    public boolean isOver(Instant emptySince, Instant now) {
        return !now.isBefore(leaveAt(emptySince));
    }
}
