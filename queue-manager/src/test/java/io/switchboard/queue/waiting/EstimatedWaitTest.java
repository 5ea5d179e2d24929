package io.switchboard.queue.waiting;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EstimatedWaitTest {

    private static final Optional<Duration> FOUR_MINUTES = Optional.of(Duration.ofMinutes(4));

    @Test
    void the_next_caller_with_one_busy_agent_waits_one_handle_time() {
        assertThat(EstimatedWait.of(1, 1, 0, FOUR_MINUTES)).contains(Duration.ofMinutes(4));
    }

    @Test
    void each_place_further_back_adds_a_handle_time_shared_by_the_staffed_agents() {
        assertThat(EstimatedWait.of(2, 1, 0, FOUR_MINUTES)).contains(Duration.ofMinutes(8));
        assertThat(EstimatedWait.of(3, 4, 0, FOUR_MINUTES)).contains(Duration.ofMinutes(3));
        assertThat(EstimatedWait.of(6, 4, 0, FOUR_MINUTES)).contains(Duration.ofMinutes(6));
    }

    @Test
    void free_agents_take_the_callers_at_the_head_first() {
        assertThat(EstimatedWait.of(2, 3, 2, FOUR_MINUTES)).contains(Duration.ZERO);
        assertThat(EstimatedWait.of(3, 3, 2, FOUR_MINUTES)).contains(Duration.ofSeconds(80));
    }

    @Test
    void nobody_staffing_the_queue_or_no_handle_time_yet_gives_no_estimate() {
        assertThat(EstimatedWait.of(1, 0, 0, FOUR_MINUTES)).isEmpty();
        assertThat(EstimatedWait.of(2, 2, 0, Optional.empty())).isEmpty();
    }

    @Test
    void a_free_agent_is_there_even_before_any_handle_time_is_known() {
        assertThat(EstimatedWait.of(1, 2, 1, Optional.empty())).contains(Duration.ZERO);
    }

    @Test
    void more_free_agents_than_staffed_ones_is_a_bug_named_by_its_field() {
        assertThatThrownBy(() -> EstimatedWait.of(1, 1, 2, FOUR_MINUTES)).hasMessageContaining("free");
        assertThatThrownBy(() -> EstimatedWait.of(0, 1, 0, FOUR_MINUTES)).hasMessageContaining("position");
    }
}
