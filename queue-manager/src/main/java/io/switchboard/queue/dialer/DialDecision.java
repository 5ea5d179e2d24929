package io.switchboard.queue.dialer;

import io.switchboard.core.Require;
import io.switchboard.core.call.PhoneNumber;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;

/**
 * What the {@link DialGate} decided for one lead. Every decision is also an audit row ({@code dial_audit}).
 * Reasons are stable slugs (docs/dialer.md, "Dial decisions").
 */
public sealed interface DialDecision permits DialDecision.Dial, DialDecision.Defer, DialDecision.Skip {

    /**
     * Dial now.
     *
     * @param callerId        the number to present (from the campaign's pool); empty for the trunk's default
     * @param zone            the callee's zone the window was checked in
     * @param calleeLocalTime the callee's local time at the decision
     */
    record Dial(Optional<PhoneNumber> callerId, ZoneId zone, LocalDateTime calleeLocalTime) implements DialDecision {
        public Dial {
            Require.nonNull(callerId, "callerId");
            Require.nonNull(zone, "zone");
            Require.nonNull(calleeLocalTime, "calleeLocalTime");
        }
    }

    /**
     * Not now, but later: e.g. {@code outside-window}, {@code holiday}, {@code abandoned-recently},
     * {@code abandon-budget-spent}.
     *
     * @param retryAt the first moment the lead may be tried again
     */
    record Defer(String reason, String detail, Instant retryAt) implements DialDecision {
        public Defer {
            Require.nonBlank(reason, "reason");
            Require.nonNull(detail, "detail");
            Require.nonNull(retryAt, "retryAt");
        }
    }

    /** Never for this campaign: e.g. {@code dnc}, {@code attempts-exhausted}, {@code no-time-zone}. */
    record Skip(String reason, String detail) implements DialDecision {
        public Skip {
            Require.nonBlank(reason, "reason");
            Require.nonNull(detail, "detail");
        }
    }
}
