package io.switchboard.queue.waiting;

import io.switchboard.core.Require;
import io.switchboard.core.call.HangupCause;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The decisions of a queued callback, as pure functions of the queue's {@link QueuedCallback} settings and the
 * caller's situation, so that they are tested with a fake clock and the router only carries them out: whether the
 * callback is offered, whether a key the caller pressed asks for it, and what follows an attempt that was not
 * answered.
 *
 * <p>VICIdial's in-group callback and Genesys' "in-queue callback" keep the caller's place the same way: the
 * task stays among the waiting ones, and the customer is called when an agent is selected for it.
 */
public final class CallbackDecisions {

    private CallbackDecisions() {
    }

    /** What follows an attempt to call the customer back that was not answered. */
    public sealed interface AfterAttempt permits Retry, GiveUp {
    }

    /**
     * Call the customer again at {@code at}; the task keeps its place meanwhile.
     *
     * @param attempt the number of the next attempt, 2 for the first retry
     */
    public record Retry(Instant at, int attempt) implements AfterAttempt {
    }

    /** No more attempts: the callback ends with {@code outcome}. */
    public record GiveUp(CallbackOutcome outcome) implements AfterAttempt {
    }

    /**
     * Whether a caller who has {@code waited} so far, with {@code estimate} still to wait (empty when unknown),
     * may ask for a callback now: the queue offers it, the caller waited at least {@code offerAfter}, and, when
     * {@code offerAbove} is set, the estimate is longer than it.
     */
    public static boolean offered(QueuedCallback settings, Duration waited, Optional<Duration> estimate) {
        Require.nonNull(settings, "settings");
        Require.nonNegative(waited, "waited");
        Require.nonNull(estimate, "estimate");
        if (!settings.enabled() || waited.compareTo(settings.offerAfter()) < 0) {
            return false;
        }
        return settings.offerAbove().isZero()
                || estimate.map(wait -> wait.compareTo(settings.offerAbove()) > 0).orElse(true);
    }

    /** Whether the key {@code digit}, pressed by a caller in that situation, asks for the callback. */
    public static boolean accepts(QueuedCallback settings, char digit, Duration waited, Optional<Duration> estimate) {
        return digit == settings.digit() && offered(settings, waited, estimate);
    }

    /**
     * The attempt number {@code attempt} (1 for the first) ended at {@code now} without an answer, for
     * {@code cause}: a no-answer, a busy line or a temporary network failure is tried again after
     * {@code retryDelay} while attempts remain; a number that cannot be reached is not.
     */
    public static AfterAttempt afterUnanswered(QueuedCallback settings, int attempt, HangupCause cause,
                                               Instant now) {
        Require.nonNull(settings, "settings");
        Require.between(attempt, 1, settings.attempts(), "attempt");
        Require.nonNull(cause, "cause");
        Require.nonNull(now, "now");
        CallbackOutcome outcome = outcomeOf(cause);
        if (outcome == CallbackOutcome.FAILED && !isTemporary(cause) || attempt >= settings.attempts()) {
            return new GiveUp(outcome);
        }
        return new Retry(now.plus(settings.retryDelay()), attempt + 1);
    }

    /** The outcome a callback whose last attempt ended for {@code cause} is recorded with. */
    static CallbackOutcome outcomeOf(HangupCause cause) {
        return switch (cause) {
            case NO_ANSWER, NO_USER_RESPONSE -> CallbackOutcome.NO_ANSWER;
            case USER_BUSY -> CallbackOutcome.BUSY;
            default -> CallbackOutcome.FAILED;
        };
    }

    private static boolean isTemporary(HangupCause cause) {
        return switch (cause) {
            case NO_CIRCUIT_AVAILABLE, NETWORK_OUT_OF_ORDER, NORMAL_TEMPORARY_FAILURE, SWITCH_CONGESTION -> true;
            default -> false;
        };
    }
}
