package io.switchboard.queue.staffing;

import static io.switchboard.queue.staffing.Questions.HALF_HOUR;
import static io.switchboard.queue.staffing.Questions.HOUR;
import static io.switchboard.queue.staffing.Questions.answered;
import static io.switchboard.queue.staffing.Questions.calls;
import static io.switchboard.queue.staffing.Questions.fourDecimals;
import static io.switchboard.queue.staffing.Questions.percent;
import static io.switchboard.queue.staffing.Questions.twoDecimals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ErlangCTest {

    @Test
    void a_hundred_and_twenty_five_minute_calls_an_hour_need_14_agents_for_80_percent_in_20_seconds() {
        StaffingAnswer answer = answered(calls(120, HOUR).aht(300).target(0.8, 20));

        assertThat(answer.model()).isEqualTo(StaffingModel.ERLANG_C);
        assertThat(answer.erlangs()).isEqualTo(10.0);
        assertThat(answer.agents()).isEqualTo(14);
        assertThat(percent(answer.metrics().serviceLevel())).isEqualTo("86.66");
        assertThat(twoDecimals(answer.metrics().asaSeconds())).isEqualTo("13.06");
    }

    @Test
    void thirteen_agents_answer_76_64_percent_of_those_calls_within_20_seconds() {
        StaffingAnswer answer = answered(calls(120, HOUR).aht(300).target(0.8, 20).withAgents(13));

        assertThat(percent(answer.metrics().serviceLevel())).isEqualTo("76.64");
        assertThat(answer.meetsTarget()).isFalse();
    }

    @Test
    void a_hundred_three_minute_calls_per_half_hour_need_14_agents_because_13_give_79_56_percent() {
        StaffingQuestion question = calls(100, HALF_HOUR).aht(180).target(0.8, 20);

        assertThat(answered(question).agents()).isEqualTo(14);
        assertThat(percent(answered(question.withAgents(13)).metrics().serviceLevel())).isEqualTo("79.56");
    }

    @Test
    void three_hundred_sixty_four_minute_calls_per_half_hour_need_55_agents_for_80_percent_in_15_seconds() {
        StaffingAnswer answer = answered(calls(360, HALF_HOUR).aht(240).target(0.8, 15));

        assertThat(answer.agents()).isEqualTo(55);
        assertThat(fourDecimals(answer.metrics().waitProbability())).isEqualTo("0.2387");
        assertThat(percent(answer.metrics().serviceLevel())).isEqualTo("84.59");
        assertThat(twoDecimals(answer.metrics().asaSeconds())).isEqualTo("8.18");
    }

    @Test
    void erlang_b_matches_its_closed_form_for_small_groups() {
        assertThat(ErlangC.erlangB(1, 3.0)).isCloseTo(3.0 / 4.0, within(1e-15));
        assertThat(ErlangC.erlangB(2, 1.0)).isCloseTo(0.5 / 2.5, within(1e-15));
    }

    @Test
    void a_thousand_agents_under_950_erlangs_give_finite_probabilities_without_factorials() {
        QueueMetrics metrics = ErlangC.metrics(1000, 950, ErlangC.erlangB(1000, 950), 300, 20);

        assertThat(metrics.waitProbability()).isBetween(0.0, 1.0).isCloseTo(0.068253, within(1e-6));
        assertThat(metrics.serviceLevel()).isBetween(0.0, 1.0).isCloseTo(0.997565, within(1e-6));
        assertThat(metrics.asaSeconds()).isFinite().isPositive();
    }

    @Test
    void nine_thousand_nine_hundred_erlangs_are_staffed_without_overflow() {
        StaffingAnswer answer = answered(calls(9_900 * 12, HOUR).aht(300).target(0.9, 10));

        assertThat(answer.agents()).isBetween(9_901, 10_000);
        assertThat(answer.metrics().waitProbability()).isBetween(0.0, 1.0);
        assertThat(answer.metrics().serviceLevel()).isBetween(0.9, 1.0);
    }

    @Test
    void no_more_agents_than_erlangs_is_overloaded_rather_than_a_number() {
        StaffingOutcome outcome = Staffing.answer(calls(120, HOUR).aht(300).target(0.8, 20).withAgents(10));

        assertThat(outcome).isEqualTo(new StaffingOutcome.Overloaded(10, 10.0));
    }

    @Test
    void a_target_that_ten_thousand_agents_cannot_reach_is_unreachable() {
        StaffingOutcome outcome = Staffing.answer(calls(20_000, HOUR).aht(3600).target(0.8, 20));

        assertThat(outcome).isInstanceOf(StaffingOutcome.TargetUnreachable.class);
        assertThat(((StaffingOutcome.TargetUnreachable) outcome).maxAgents()).isEqualTo(10_000);
    }
}
