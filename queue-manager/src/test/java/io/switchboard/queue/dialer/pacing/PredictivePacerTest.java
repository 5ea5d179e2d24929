package io.switchboard.queue.dialer.pacing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class PredictivePacerTest {

    private static final Instant NINE = Instant.parse("2026-11-24T09:00:00Z");

    private final AtomicReference<Instant> now = new AtomicReference<>(NINE);
    private final LiveFigures figures = new LiveFigures(now::get, ZoneOffset.UTC);
    private final PredictivePacer pacer = new PredictivePacer(figures, 2.0, 3.0);

    @Test
    void with_fewer_than_five_agents_it_dials_progressively() {
        learnt(0);

        PacingDecision decision = pacer.decide(input(2, talking(2), List.of(), ringing(1, 3)));

        assertThat(decision.basis()).isEqualTo(PacingBasis.TOO_FEW_AGENTS);
        assertThat(decision.calls()).isEqualTo(1);
    }

    @Test
    void before_its_figures_can_be_trusted_it_dials_progressively() {
        PacingDecision decision = pacer.decide(input(6, talking(14), List.of(), ringing(2, 3)));

        assertThat(decision.basis()).isEqualTo(PacingBasis.THIN_FIGURES);
        assertThat(decision.calls()).isEqualTo(4);
    }

    @Test
    void fifty_live_answers_less_than_the_minimum_of_twenty_still_count_as_thin() {
        for (int i = 0; i < 200; i++) {
            figures.unanswered(NINE, Duration.ofSeconds(25));
        }
        for (int i = 0; i < PredictivePacer.MIN_LIVE_ANSWERS - 1; i++) {
            figures.answeredLive(NINE, Duration.ofSeconds(6));
            figures.talkEnded(NINE, Duration.ofSeconds(120));
        }

        assertThat(pacer.decide(input(0, talking(20), List.of(), List.of())).basis())
                .isEqualTo(PacingBasis.THIN_FIGURES);
    }

    @Test
    void with_trusted_figures_it_dials_ahead_for_agents_about_to_finish_their_wrap_up() {
        learnt(0);

        PacingDecision decision = pacer.decide(input(0, talking(16), wrapping(4, 8), List.of()));

        assertThat(decision.basis()).isEqualTo(PacingBasis.PREDICTED);
        assertThat(decision.calls()).isGreaterThan(4);
    }

    @Test
    void an_agent_who_has_just_started_a_ten_second_wrap_up_is_not_dialled_for_yet_with_six_second_rings() {
        learnt(0);

        int almostDone = pacer.callsToPlace(input(0, talking(16), wrapping(4, 9), List.of()));
        int justStarted = pacer.callsToPlace(input(0, talking(16), wrapping(4, 0), List.of()));

        assertThat(justStarted).isLessThan(almostDone);
        assertThat(justStarted).isLessThanOrEqualTo(1);
    }

    @Test
    void calls_in_flight_count_against_the_agents_they_will_reach() {
        learnt(0);

        int none = pacer.callsToPlace(input(0, talking(16), wrapping(4, 8), List.of()));
        int some = pacer.callsToPlace(input(0, talking(16), wrapping(4, 8), ringing(8, 2)));

        assertThat(some).isLessThan(none);
    }

    @Test
    void calls_that_have_rung_past_every_live_answer_no_longer_count_as_coming() {
        learnt(0);

        int fresh = pacer.callsToPlace(input(0, talking(16), wrapping(4, 8), ringing(8, 2)));
        int stale = pacer.callsToPlace(input(0, talking(16), wrapping(4, 8), ringing(8, 20)));

        assertThat(stale).isGreaterThan(fresh);
    }

    @Test
    void over_its_target_it_accepts_less_risk_and_places_fewer_calls_than_under_it() {
        learnt(0);
        PacingInput input = input(0, talking(14), wrapping(6, 8), List.of());
        PacingDecision under = pacer.decide(input);

        abandon(25);
        PacingDecision over = pacer.decide(input);

        assertThat(figures.today().percent()).isGreaterThan(2.0).isLessThan(3.0);
        assertThat(over.basis()).isEqualTo(PacingBasis.PREDICTED);
        assertThat(over.acceptedRisk()).isLessThan(under.acceptedRisk() / 10);
        assertThat(over.calls()).isLessThan(under.calls());
    }

    @Test
    void when_two_more_abandons_would_cross_the_cap_it_dials_progressively() {
        learnt(0);
        abandon(29);

        PacingDecision decision = pacer.decide(input(3, talking(17), List.of(), ringing(1, 2)));

        assertThat(figures.last24Hours().headroom(3.0)).isLessThan(2);
        assertThat(decision.basis()).isEqualTo(PacingBasis.CAP_GUARD);
        assertThat(decision.calls()).isEqualTo(2);
    }

    @Test
    void the_cap_guard_looks_at_the_30_days_too_after_the_24_hours_have_forgotten_the_abandons() {
        learnt(0);
        abandon(29);
        now.set(NINE.plus(Duration.ofDays(2)));

        PacingDecision decision = pacer.decide(input(3, talking(17), List.of(), List.of()));

        assertThat(figures.last24Hours().liveAnswers()).isZero();
        assertThat(decision.basis()).isEqualTo(PacingBasis.CAP_GUARD);
    }

    @Test
    void it_never_has_more_than_ten_calls_in_flight_per_agent() {
        learnt(0);

        PacingDecision decision = pacer.decide(input(5, List.of(), List.of(), ringing(48, 24)));

        assertThat(decision.basis()).isEqualTo(PacingBasis.PREDICTED);
        assertThat(decision.calls()).isEqualTo(2);
    }

    /** 1,000 calls (30 % live after 6 s, the rest unanswered after 25 s), 1,000 live answers, talks of 1..200 s. */
    private void learnt(int abandoned) {
        for (int i = 0; i < 1000; i++) {
            if (i % 10 < 3) {
                figures.answeredLive(NINE, Duration.ofSeconds(6));
            } else {
                figures.unanswered(NINE, Duration.ofSeconds(25));
            }
        }
        for (int i = 0; i < 200; i++) {
            figures.talkEnded(NINE, Duration.ofSeconds(1 + i));
            figures.wrapEnded(NINE, Duration.ofSeconds(10));
        }
        for (int i = 0; i < 1000; i++) {
            figures.connected(NINE, Duration.ZERO);
        }
        abandon(abandoned);
    }

    private void abandon(int calls) {
        for (int i = 0; i < calls; i++) {
            figures.abandoned(NINE);
        }
    }

    private PacingInput input(int ready, List<Duration> talking, List<Duration> wrapping, List<Duration> ringing) {
        return new PacingInput(now.get(), ready, talking, wrapping, ringing, 0);
    }

    private static List<Duration> talking(int agents) {
        List<Duration> talks = new ArrayList<>();
        for (int i = 0; i < agents; i++) {
            talks.add(Duration.ofSeconds(20 + 5L * i));
        }
        return talks;
    }

    private static List<Duration> wrapping(int agents, int seconds) {
        return Collections.nCopies(agents, Duration.ofSeconds(seconds));
    }

    private static List<Duration> ringing(int calls, int seconds) {
        return Collections.nCopies(calls, Duration.ofSeconds(seconds));
    }
}
