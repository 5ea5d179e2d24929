package io.switchboard.crm.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

    private final FakeTime time = new FakeTime();
    private final CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofSeconds(30), time);

    @Test
    void stays_closed_while_failures_are_fewer_than_the_threshold_or_not_consecutive() {
        breaker.onFailure();
        breaker.onFailure();
        breaker.onSuccess();
        breaker.onFailure();
        breaker.onFailure();

        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker.tryAcquire()).isTrue();
    }

    @Test
    void opens_on_the_threshold_th_consecutive_failure_and_refuses_until_the_cool_down_has_passed() {
        failTimes(3);

        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(breaker.tryAcquire()).isFalse();
        time.advance(Duration.ofSeconds(29));
        assertThat(breaker.tryAcquire()).isFalse();
    }

    @Test
    void after_the_cool_down_lets_exactly_one_trial_through_and_closes_when_it_succeeds() {
        failTimes(3);
        time.advance(Duration.ofSeconds(30));

        assertThat(breaker.tryAcquire()).isTrue();
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
        assertThat(breaker.tryAcquire()).isFalse();
        breaker.onSuccess();

        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker.tryAcquire()).isTrue();
    }

    @Test
    void a_failed_trial_reopens_for_a_whole_new_cool_down() {
        failTimes(3);
        time.advance(Duration.ofSeconds(30));
        assertThat(breaker.tryAcquire()).isTrue();
        breaker.onFailure();

        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
        time.advance(Duration.ofSeconds(29));
        assertThat(breaker.tryAcquire()).isFalse();
        time.advance(Duration.ofSeconds(1));
        assertThat(breaker.tryAcquire()).isTrue();
    }

    @Test
    void settings_out_of_range_are_refused_naming_the_field() {
        assertThatThrownBy(() -> new CircuitBreaker(0, Duration.ofSeconds(1), time)).hasMessageContaining("threshold");
        assertThatThrownBy(() -> new CircuitBreaker(1, Duration.ZERO, time)).hasMessageContaining("coolDown");
    }

    private void failTimes(int times) {
        for (int i = 0; i < times; i++) {
            assertThat(breaker.tryAcquire()).isTrue();
            breaker.onFailure();
        }
    }
}
