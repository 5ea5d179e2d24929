package io.switchboard.queue.dialer.pacing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AbandonCountTest {

    @Test
    void the_headroom_is_how_many_more_abandons_with_their_live_answers_stay_within_the_cap() {
        AbandonCount count = new AbandonCount(100, 1);

        // (1 + k) / (100 + k) <= 3 % while k <= 2.06
        assertThat(count.headroom(3.0)).isCloseTo(2.0 / 0.97, within(1e-9));
        assertThat(new AbandonCount(100, 4).headroom(3.0)).isNegative();
    }

    @Test
    void no_live_answers_is_a_rate_of_zero() {
        assertThat(new AbandonCount(0, 0).percent()).isZero();
        assertThat(new AbandonCount(0, 0).headroom(3.0)).isZero();
    }

    @Test
    void more_abandons_than_live_answers_are_refused_naming_the_field() {
        assertThatThrownBy(() -> new AbandonCount(2, 3)).hasMessageStartingWith("abandoned");
    }
}
