package io.switchboard.queue.dialer.pacing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void the_oldest_sample_falls_out_when_the_distribution_is_full() {
        Durations durations = new Durations(10);
        for (int i = 0; i < 10; i++) {
            durations.add(Duration.ofSeconds(100));
        }
        durations.add(Duration.ofSeconds(1));

        assertThat(durations.size()).isEqualTo(10);
        assertThat(durations.mean()).isCloseTo(90.1, within(1e-9));
        assertThat(durations.cdf(1)).isCloseTo(0.1, within(1e-9));
        assertThat(durations.quantile(0.95)).isEqualTo(100.0);
    }

    @Test
    void beyond_the_samples_the_tail_is_read_as_exponential_so_an_overdue_agent_still_frees() {
        Durations durations = new Durations(20);
        for (int seconds = 1; seconds <= 20; seconds++) {
            durations.add(Duration.ofSeconds(seconds * 10L));
        }

        // the 10 longest samples are 110..200 s: their mean excess over 110 s is 45 s
        assertThat(durations.endsWithin(500, 45)).isCloseTo(1 - Math.exp(-1), within(1e-9));
        assertThat(durations.endsWithin(0, 45)).isCloseTo(0.2, within(1e-9));
    }

    @Test
    void an_empty_distribution_says_nothing_ends() {
        assertThat(new Durations(10).endsWithin(5, 100)).isZero();
    }

    @Test
    void a_capacity_below_the_tail_samples_is_refused_naming_the_field() {
        assertThatThrownBy(() -> new Durations(3)).hasMessageContaining("capacity");
    }
}
