package io.switchboard.queue.selection;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The grace before callers leave an empty queue: over exactly when the queue has been empty that long. */
class EmptyQueueGraceTest {

    private static final Instant EMPTY_SINCE = Instant.parse("2026-11-24T09:00:00Z");

    @Test
    void the_grace_is_over_once_the_queue_has_been_empty_for_all_of_it() {
        EmptyQueueGrace grace = new EmptyQueueGrace(Duration.ofSeconds(30));

        assertThat(grace.isOver(EMPTY_SINCE, EMPTY_SINCE.plusSeconds(29))).isFalse();
        assertThat(grace.isOver(EMPTY_SINCE, EMPTY_SINCE.plusSeconds(30))).isTrue();
        assertThat(grace.leaveAt(EMPTY_SINCE)).isEqualTo(EMPTY_SINCE.plusSeconds(30));
    }

    @Test
    void no_grace_is_over_at_once() {
        assertThat(EmptyQueueGrace.NONE.isOver(EMPTY_SINCE, EMPTY_SINCE)).isTrue();
    }

    @Test
    void a_negative_grace_or_one_over_a_day_is_refused_naming_the_field() {
        assertThatThrownBy(() -> new EmptyQueueGrace(Duration.ofSeconds(-1))).hasMessageContaining("leaveAfter");
        assertThatThrownBy(() -> new EmptyQueueGrace(Duration.ofDays(1).plusSeconds(1)))
                .hasMessageContaining("leaveAfter");
    }
}
