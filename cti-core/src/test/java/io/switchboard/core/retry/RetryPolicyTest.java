package io.switchboard.core.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final Duration MINUTE = Duration.ofMinutes(1);

    /** A random source that always draws the smallest or the largest allowed value. */
    private record Extreme(boolean highest) implements RandomGenerator {
        @Override
        public long nextLong() {
            throw new UnsupportedOperationException("the policy must draw within a bound");
        }

        @Override
        public long nextLong(long bound) {
            return highest ? bound - 1 : 0;
        }
    }

    private static RetryPolicy policy(RandomGenerator random) {
        return RetryPolicy.exponential(SECOND, MINUTE, 10, random);
    }

    @Test
    void the_ceiling_doubles_from_the_base_delay_until_the_cap() {
        RetryPolicy policy = policy(new Extreme(true));

        assertThat(policy.ceiling(1)).isEqualTo(SECOND);
        assertThat(policy.ceiling(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.ceiling(6)).isEqualTo(Duration.ofSeconds(32));
        assertThat(policy.ceiling(7)).isEqualTo(MINUTE);
        assertThat(policy.ceiling(9)).isEqualTo(MINUTE);
    }

    @Test
    void the_highest_draw_waits_exactly_the_ceiling_and_the_lowest_retries_at_once() {
        assertThat(policy(new Extreme(true)).nextDelay(3)).contains(Duration.ofSeconds(4));
        assertThat(policy(new Extreme(false)).nextDelay(3)).contains(Duration.ZERO);
    }

    @Test
    void full_jitter_stays_within_zero_and_the_ceiling_and_spreads_over_it() {
        RetryPolicy policy = policy(new SplittableRandom(42));
        Duration lowest = MINUTE;
        Duration highest = Duration.ZERO;

        for (int i = 0; i < 10_000; i++) {
            Duration delay = policy.nextDelay(4).orElseThrow();
            assertThat(delay).isBetween(Duration.ZERO, Duration.ofSeconds(8));
            lowest = delay.compareTo(lowest) < 0 ? delay : lowest;
            highest = delay.compareTo(highest) > 0 ? delay : highest;
        }

        assertThat(lowest).isLessThan(Duration.ofMillis(100));
        assertThat(highest).isGreaterThan(Duration.ofMillis(7900));
    }

    @Test
    void the_policy_gives_up_after_max_attempts_in_total() {
        RetryPolicy policy = RetryPolicy.exponential(SECOND, MINUTE, 3, new Extreme(true));

        assertThat(policy.nextDelay(1)).isPresent();
        assertThat(policy.nextDelay(2)).isPresent();
        assertThat(policy.nextDelay(3)).isEmpty();
        assertThat(policy.nextDelay(4)).isEmpty();
    }

    @Test
    void a_single_attempt_policy_never_retries() {
        assertThat(RetryPolicy.exponential(SECOND, MINUTE, 1, new Extreme(true)).nextDelay(1)).isEmpty();
    }

    @Test
    void a_huge_attempt_count_is_capped_instead_of_overflowing() {
        RetryPolicy policy = RetryPolicy.exponential(Duration.ofMillis(500), Duration.ofDays(1), Integer.MAX_VALUE,
                new Extreme(true));

        assertThat(policy.ceiling(40)).isEqualTo(Duration.ofDays(1));
        assertThat(policy.ceiling(64)).isEqualTo(Duration.ofDays(1));
        assertThat(policy.nextDelay(1_000_000)).contains(Duration.ofDays(1));
    }

    @Test
    void a_later_retry_after_from_the_server_wins_over_a_shorter_jittered_delay() {
        RetryPolicy policy = policy(new Extreme(false));

        assertThat(policy.nextDelay(2, Optional.of(Duration.ofSeconds(30)))).contains(Duration.ofSeconds(30));
        assertThat(policy.nextDelay(2, Optional.of(Duration.ofHours(2)))).contains(Duration.ofHours(2));
        assertThat(policy.nextDelay(2, Optional.empty())).contains(Duration.ZERO);
    }

    @Test
    void a_shorter_retry_after_does_not_shorten_the_backoff() {
        assertThat(policy(new Extreme(true)).nextDelay(3, Optional.of(SECOND))).contains(Duration.ofSeconds(4));
    }

    @Test
    void retry_after_does_not_lift_the_attempt_limit() {
        RetryPolicy policy = RetryPolicy.exponential(SECOND, MINUTE, 2, new Extreme(true));

        assertThat(policy.nextDelay(2, Optional.of(Duration.ofSeconds(5)))).isEmpty();
    }

    @Test
    void invalid_settings_are_rejected_naming_the_field() {
        RandomGenerator random = new Extreme(true);
        assertThatThrownBy(() -> RetryPolicy.exponential(Duration.ZERO, MINUTE, 3, random)).hasMessageContaining("baseDelay");
        assertThatThrownBy(() -> RetryPolicy.exponential(MINUTE, SECOND, 3, random)).hasMessageContaining("maxDelay");
        assertThatThrownBy(() -> RetryPolicy.exponential(SECOND, Duration.ofDays(400), 3, random)).hasMessageContaining("maxDelay");
        assertThatThrownBy(() -> RetryPolicy.exponential(SECOND, MINUTE, 0, random)).hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> policy(random).nextDelay(0)).hasMessageContaining("failedAttempts");
    }
}
