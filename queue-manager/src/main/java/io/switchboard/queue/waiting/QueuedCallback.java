package io.switchboard.queue.waiting;

import io.switchboard.core.Require;

import java.time.Duration;

/**
 * Whether a queue's waiting callers may press a key to be called back and keep their place (VICIdial's and
 * Genesys' "press 1 to be called back"), as one value of the queue's setup.
 *
 * <p>app_queue has no such thing: its {@code context} option only lets a caller leave the queue with a key
 * ({@code EXITWITHKEY}) to a dialplan extension, which loses their place. mod_callcenter has none either.
 *
 * @param enabled      whether the key is listened for at all
 * @param digit        the key the caller presses, one of {@code 0-9 * #}
 * @param offerAfter   how long the caller must have waited before the callback is offered; zero offers it at once
 * @param offerAbove   when positive, the callback is offered only while the caller's estimated wait is longer
 *                     than this (an unknown estimate, nobody staffing the queue, counts as longer); zero offers
 *                     it whatever the estimate
 * @param attempts     how many times the customer is called back before the callback ends unanswered; 1 to 10
 * @param ringTime     how long each call-back attempt rings the customer; positive
 * @param retryDelay   how long after an unanswered attempt the next one is placed; zero retries at once
 */
public record QueuedCallback(boolean enabled, char digit, Duration offerAfter, Duration offerAbove, int attempts,
                             Duration ringTime, Duration retryDelay) {

    /** The keys a caller may be asked to press. */
    public static final String DIGITS = "0123456789*#";

    /** No callback: the caller's keys are ignored while they wait. */
    public static final QueuedCallback OFF = new QueuedCallback(false, '1', Duration.ZERO, Duration.ZERO, 3,
            Duration.ofSeconds(30), Duration.ofSeconds(60));

    /** At most this many attempts, so that a customer who never answers is not called all day. */
    public static final int MAX_ATTEMPTS = 10;

    public QueuedCallback {
        if (DIGITS.indexOf(digit) < 0) {
            throw new IllegalArgumentException("digit must be one of 0-9, *, #, not '" + digit + "'");
        }
        Require.nonNegative(offerAfter, "offerAfter");
        Require.nonNegative(offerAbove, "offerAbove");
        Require.between(attempts, 1, MAX_ATTEMPTS, "attempts");
        Require.positive(ringTime, "ringTime");
        Require.nonNegative(retryDelay, "retryDelay");
    }

    /** These settings, turned on. */
    public QueuedCallback on() {
        return new QueuedCallback(true, digit, offerAfter, offerAbove, attempts, ringTime, retryDelay);
    }
}
