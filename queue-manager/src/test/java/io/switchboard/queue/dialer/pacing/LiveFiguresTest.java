package io.switchboard.queue.dialer.pacing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class LiveFiguresTest {

    private static final Instant NINE = Instant.parse("2026-11-24T09:00:00Z");

    private final AtomicReference<Instant> now = new AtomicReference<>(NINE);
    private final LiveFigures figures = new LiveFigures(now::get, ZoneId.of("America/New_York"));

    @Test
    void the_live_answer_rate_is_taken_over_the_latest_call_endings_only() {
        for (int i = 0; i < LiveFigures.OUTCOMES; i++) {
            figures.unanswered(NINE, Duration.ofSeconds(25));
        }
        for (int i = 0; i < 100; i++) {
            figures.answeredLive(NINE, Duration.ofSeconds(6));
        }
        figures.answeredMachine(NINE, Duration.ofSeconds(9));

        assertThat(figures.callsEnded()).isEqualTo(LiveFigures.OUTCOMES);
        assertThat(figures.liveAnswerRate()).isCloseTo(100.0 / LiveFigures.OUTCOMES, within(1e-9));
    }

    @Test
    void no_call_ended_yet_means_a_live_answer_rate_of_zero() {
        assertThat(figures.liveAnswerRate()).isZero();
        assertThat(figures.today()).isEqualTo(new AbandonCount(0, 0));
    }

    @Test
    void abandons_are_counted_against_live_answers_today_over_24_hours_and_over_30_days() {
        connected(97);
        abandoned(3);

        assertThat(figures.today()).isEqualTo(new AbandonCount(100, 3));
        assertThat(figures.last24Hours().percent()).isEqualTo(3.0);
        assertThat(figures.last30Days()).isEqualTo(new AbandonCount(100, 3));
    }

    @Test
    void today_starts_again_at_midnight_in_the_campaigns_zone_while_the_rolling_counts_keep_the_calls() {
        abandoned(2);
        connected(8);
        now.set(Instant.parse("2026-11-25T04:59:00Z"));
        assertThat(figures.today().liveAnswers()).isEqualTo(10);

        now.set(Instant.parse("2026-11-25T05:00:00Z"));

        assertThat(figures.today()).isEqualTo(new AbandonCount(0, 0));
        assertThat(figures.last24Hours()).isEqualTo(new AbandonCount(10, 2));
    }

    @Test
    void the_24_hour_count_forgets_a_call_a_day_later_and_the_30_day_count_a_month_later() {
        abandoned(1);
        connected(1);

        now.set(NINE.plus(Duration.ofHours(24)).plusSeconds(60));
        assertThat(figures.last24Hours()).isEqualTo(new AbandonCount(0, 0));
        assertThat(figures.last30Days()).isEqualTo(new AbandonCount(2, 1));

        now.set(NINE.plus(Duration.ofDays(30)).plus(Duration.ofHours(1)));
        assertThat(figures.last30Days()).isEqualTo(new AbandonCount(0, 0));
    }

    @Test
    void talk_and_wrap_times_form_distributions_read_from_how_long_an_agent_is_in_already() {
        for (int seconds = 1; seconds <= 100; seconds++) {
            figures.talkEnded(NINE, Duration.ofSeconds(seconds));
            figures.wrapEnded(NINE, Duration.ofSeconds(10));
        }

        assertThat(figures.talk().mean()).isCloseTo(50.5, within(1e-9));
        assertThat(figures.talk().endsWithin(50, 10)).isCloseTo(0.2, within(1e-9));
        assertThat(figures.wrap().endsWithin(3, 6)).isZero();
        assertThat(figures.wrap().endsWithin(3, 7)).isEqualTo(1.0);
    }

    private void connected(int calls) {
        for (int i = 0; i < calls; i++) {
            figures.connected(now.get(), Duration.ZERO);
        }
    }

    private void abandoned(int calls) {
        for (int i = 0; i < calls; i++) {
            figures.abandoned(now.get());
        }
    }
}
