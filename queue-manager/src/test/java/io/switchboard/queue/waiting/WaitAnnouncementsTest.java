package io.switchboard.queue.waiting;

import io.switchboard.core.port.WaitAnnouncement;
import io.switchboard.queue.waiting.CallerAnnouncements.PositionAnnouncement;
import io.switchboard.queue.waiting.CallerAnnouncements.WaitEstimateAnnouncement;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WaitAnnouncementsTest {

    private static final Duration EVERY_30_S = Duration.ofSeconds(30);
    private static final Optional<Duration> ESTIMATE = Optional.of(Duration.ofSeconds(155));

    private static CallerAnnouncements settings(PositionAnnouncement position, WaitEstimateAnnouncement wait,
                                                int roundSeconds) {
        return new CallerAnnouncements(EVERY_30_S, position, 3, wait, roundSeconds);
    }

    @Test
    void position_and_wait_in_whole_minutes_rounded_to_the_nearest() {
        Optional<WaitAnnouncement> said = WaitAnnouncements.compose(
                settings(PositionAnnouncement.YES, WaitEstimateAnnouncement.YES, 0), 2, ESTIMATE, false);

        assertThat(said).contains(new WaitAnnouncement(OptionalInt.of(2), OptionalInt.empty(),
                Optional.of(Duration.ofMinutes(3))));
    }

    @Test
    void with_round_seconds_the_wait_is_rounded_up_never_promising_less() {
        assertThat(WaitAnnouncements.rounded(Duration.ofSeconds(155), 15)).isEqualTo(Duration.ofSeconds(165));
        assertThat(WaitAnnouncements.rounded(Duration.ofSeconds(150), 15)).isEqualTo(Duration.ofSeconds(150));
        assertThat(WaitAnnouncements.rounded(Duration.ofMillis(150_001), 30)).isEqualTo(Duration.ofSeconds(180));
        assertThat(WaitAnnouncements.rounded(Duration.ofSeconds(89), 0)).isEqualTo(Duration.ofMinutes(1));
        assertThat(WaitAnnouncements.rounded(Duration.ofSeconds(90), 0)).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void a_wait_that_rounds_to_nothing_is_not_said() {
        Optional<WaitAnnouncement> said = WaitAnnouncements.compose(
                settings(PositionAnnouncement.NO, WaitEstimateAnnouncement.YES, 0), 1,
                Optional.of(Duration.ofSeconds(20)), false);

        assertThat(said).isEmpty();
    }

    @Test
    void limit_says_the_position_only_up_to_the_limit() {
        CallerAnnouncements limit = settings(PositionAnnouncement.LIMIT, WaitEstimateAnnouncement.NO, 0);

        assertThat(WaitAnnouncements.compose(limit, 3, ESTIMATE, false).orElseThrow().position()).hasValue(3);
        assertThat(WaitAnnouncements.compose(limit, 4, ESTIMATE, false)).isEmpty();
    }

    @Test
    void more_says_more_than_the_limit_further_back() {
        CallerAnnouncements more = settings(PositionAnnouncement.MORE, WaitEstimateAnnouncement.NO, 0);

        WaitAnnouncement far = WaitAnnouncements.compose(more, 7, ESTIMATE, false).orElseThrow();

        assertThat(far.position()).isEmpty();
        assertThat(far.moreThan()).hasValue(3);
        assertThat(WaitAnnouncements.compose(more, 2, ESTIMATE, false).orElseThrow().position()).hasValue(2);
    }

    @Test
    void once_says_the_wait_only_until_it_has_been_said() {
        CallerAnnouncements once = settings(PositionAnnouncement.YES, WaitEstimateAnnouncement.ONCE, 0);

        assertThat(WaitAnnouncements.compose(once, 2, ESTIMATE, false).orElseThrow().estimatedWait()).isPresent();
        assertThat(WaitAnnouncements.compose(once, 2, ESTIMATE, true).orElseThrow().estimatedWait()).isEmpty();
    }

    @Test
    void an_unknown_estimate_leaves_the_position_alone() {
        WaitAnnouncement said = WaitAnnouncements.compose(
                settings(PositionAnnouncement.YES, WaitEstimateAnnouncement.YES, 0), 1, Optional.empty(), false)
                .orElseThrow();

        assertThat(said.position()).hasValue(1);
        assertThat(said.estimatedWait()).isEmpty();
    }

    @Test
    void settings_out_of_range_name_their_field() {
        assertThatThrownBy(() -> new CallerAnnouncements(EVERY_30_S, PositionAnnouncement.YES, 0,
                WaitEstimateAnnouncement.NO, 0)).hasMessageContaining("positionLimit");
        assertThatThrownBy(() -> new CallerAnnouncements(EVERY_30_S, PositionAnnouncement.YES, 1,
                WaitEstimateAnnouncement.NO, 7)).hasMessageContaining("roundSeconds");
        assertThat(CallerAnnouncements.OFF.enabled()).isFalse();
        assertThat(new CallerAnnouncements(EVERY_30_S, PositionAnnouncement.NO, 1, WaitEstimateAnnouncement.NO, 0)
                .enabled()).isFalse();
    }
}
