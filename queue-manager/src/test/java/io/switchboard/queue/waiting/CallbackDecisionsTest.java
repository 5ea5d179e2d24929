package io.switchboard.queue.waiting;

import io.switchboard.core.call.HangupCause;
import io.switchboard.queue.waiting.CallbackDecisions.GiveUp;
import io.switchboard.queue.waiting.CallbackDecisions.Retry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CallbackDecisionsTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final Optional<Duration> UNKNOWN = Optional.empty();

    /** Offered after 30 s of waiting, only while more than 2 minutes remain; 3 attempts a minute apart. */
    private static final QueuedCallback AFTER_30S_ABOVE_2MIN = new QueuedCallback(true, '1', Duration.ofSeconds(30),
            Duration.ofMinutes(2), 3, Duration.ofSeconds(25), Duration.ofMinutes(1));

    @Test
    void a_queue_without_callback_never_offers_it() {
        assertThat(CallbackDecisions.offered(QueuedCallback.OFF, Duration.ofHours(1), UNKNOWN)).isFalse();
        assertThat(CallbackDecisions.accepts(QueuedCallback.OFF, '1', Duration.ofHours(1), UNKNOWN)).isFalse();
    }

    @Test
    void without_thresholds_the_callback_is_offered_at_once() {
        QueuedCallback atOnce = QueuedCallback.OFF.on();
        assertThat(CallbackDecisions.offered(atOnce, Duration.ZERO, Optional.of(Duration.ZERO))).isTrue();
    }

    @Test
    void the_callback_is_offered_only_once_the_caller_waited_long_enough() {
        Optional<Duration> long_ = Optional.of(Duration.ofMinutes(5));
        assertThat(CallbackDecisions.offered(AFTER_30S_ABOVE_2MIN, Duration.ofSeconds(29), long_)).isFalse();
        assertThat(CallbackDecisions.offered(AFTER_30S_ABOVE_2MIN, Duration.ofSeconds(30), long_)).isTrue();
    }

    @Test
    void the_callback_is_offered_only_while_the_estimated_wait_is_longer_than_the_threshold() {
        Duration waited = Duration.ofMinutes(1);
        assertThat(CallbackDecisions.offered(AFTER_30S_ABOVE_2MIN, waited, Optional.of(Duration.ofMinutes(2))))
                .isFalse();
        assertThat(CallbackDecisions.offered(AFTER_30S_ABOVE_2MIN, waited, Optional.of(Duration.ofSeconds(121))))
                .isTrue();
    }

    @Test
    void an_unknown_estimate_counts_as_long_since_nobody_staffs_the_queue() {
        assertThat(CallbackDecisions.offered(AFTER_30S_ABOVE_2MIN, Duration.ofMinutes(1), UNKNOWN)).isTrue();
    }

    @Test
    void only_the_configured_key_asks_for_the_callback() {
        QueuedCallback star = new QueuedCallback(true, '*', Duration.ZERO, Duration.ZERO, 1, Duration.ofSeconds(20),
                Duration.ZERO);
        assertThat(CallbackDecisions.accepts(star, '*', Duration.ZERO, UNKNOWN)).isTrue();
        assertThat(CallbackDecisions.accepts(star, '1', Duration.ZERO, UNKNOWN)).isFalse();
    }

    @Test
    void the_right_key_before_the_callback_is_offered_is_ignored() {
        assertThat(CallbackDecisions.accepts(AFTER_30S_ABOVE_2MIN, '1', Duration.ofSeconds(10), UNKNOWN)).isFalse();
    }

    @Test
    void a_no_answer_is_retried_after_the_delay_until_the_attempts_run_out() {
        assertThat(CallbackDecisions.afterUnanswered(AFTER_30S_ABOVE_2MIN, 1, HangupCause.NO_ANSWER, NOW))
                .isEqualTo(new Retry(NOW.plusSeconds(60), 2));
        assertThat(CallbackDecisions.afterUnanswered(AFTER_30S_ABOVE_2MIN, 2, HangupCause.NO_USER_RESPONSE, NOW))
                .isEqualTo(new Retry(NOW.plusSeconds(60), 3));
        assertThat(CallbackDecisions.afterUnanswered(AFTER_30S_ABOVE_2MIN, 3, HangupCause.NO_ANSWER, NOW))
                .isEqualTo(new GiveUp(CallbackOutcome.NO_ANSWER));
    }

    @Test
    void a_busy_customer_is_retried_and_a_last_busy_ends_as_busy() {
        assertThat(CallbackDecisions.afterUnanswered(AFTER_30S_ABOVE_2MIN, 1, HangupCause.USER_BUSY, NOW))
                .isInstanceOf(Retry.class);
        assertThat(CallbackDecisions.afterUnanswered(AFTER_30S_ABOVE_2MIN, 3, HangupCause.USER_BUSY, NOW))
                .isEqualTo(new GiveUp(CallbackOutcome.BUSY));
    }

    @Test
    void a_number_that_cannot_be_reached_is_not_called_again() {
        assertThat(CallbackDecisions.afterUnanswered(AFTER_30S_ABOVE_2MIN, 1, HangupCause.UNALLOCATED_NUMBER, NOW))
                .isEqualTo(new GiveUp(CallbackOutcome.FAILED));
        assertThat(CallbackDecisions.afterUnanswered(AFTER_30S_ABOVE_2MIN, 1, HangupCause.CALL_REJECTED, NOW))
                .isEqualTo(new GiveUp(CallbackOutcome.FAILED));
    }

    @Test
    void a_temporary_network_failure_is_retried_but_a_last_one_ends_as_failed() {
        assertThat(CallbackDecisions.afterUnanswered(AFTER_30S_ABOVE_2MIN, 1, HangupCause.SWITCH_CONGESTION, NOW))
                .isEqualTo(new Retry(NOW.plusSeconds(60), 2));
        assertThat(CallbackDecisions.afterUnanswered(AFTER_30S_ABOVE_2MIN, 3, HangupCause.NETWORK_OUT_OF_ORDER, NOW))
                .isEqualTo(new GiveUp(CallbackOutcome.FAILED));
    }

    @Test
    void an_attempt_number_outside_the_configured_ones_is_refused_naming_it() {
        assertThatThrownBy(() -> CallbackDecisions.afterUnanswered(AFTER_30S_ABOVE_2MIN, 4, HangupCause.NO_ANSWER,
                NOW)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("attempt");
    }

    @Test
    void settings_refuse_bad_values_naming_the_field() {
        Duration s = Duration.ofSeconds(20);
        assertThatThrownBy(() -> new QueuedCallback(true, 'x', Duration.ZERO, Duration.ZERO, 1, s, Duration.ZERO))
                .hasMessageContaining("digit");
        assertThatThrownBy(() -> new QueuedCallback(true, '1', s.negated(), Duration.ZERO, 1, s, Duration.ZERO))
                .hasMessageContaining("offerAfter");
        assertThatThrownBy(() -> new QueuedCallback(true, '1', Duration.ZERO, s.negated(), 1, s, Duration.ZERO))
                .hasMessageContaining("offerAbove");
        assertThatThrownBy(() -> new QueuedCallback(true, '1', Duration.ZERO, Duration.ZERO, 0, s, Duration.ZERO))
                .hasMessageContaining("attempts");
        assertThatThrownBy(() -> new QueuedCallback(true, '1', Duration.ZERO, Duration.ZERO, 11, s, Duration.ZERO))
                .hasMessageContaining("attempts");
        assertThatThrownBy(() -> new QueuedCallback(true, '1', Duration.ZERO, Duration.ZERO, 1, Duration.ZERO,
                Duration.ZERO)).hasMessageContaining("ringTime");
        assertThatThrownBy(() -> new QueuedCallback(true, '1', Duration.ZERO, Duration.ZERO, 1, s, s.negated()))
                .hasMessageContaining("retryDelay");
    }
}
