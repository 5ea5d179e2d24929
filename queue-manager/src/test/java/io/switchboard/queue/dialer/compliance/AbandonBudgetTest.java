package io.switchboard.queue.dialer.compliance;

import io.switchboard.core.dialer.Jurisdiction;
import io.switchboard.queue.dialer.compliance.AbandonFigures.Counts;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class AbandonBudgetTest {

    private static AbandonFigures over30Days(Counts counts) {
        return new AbandonFigures(Counts.ZERO, counts, Counts.ZERO);
    }

    @Test
    void the_budget_is_the_abandons_that_keep_the_rate_under_the_cap() {
        AbandonBudget budget = AbandonBudget.of(Jurisdiction.US, over30Days(new Counts(100, 0, 0)), 0.0);

        assertThat(budget.remaining()).isEqualTo(3);
        assertThat(budget.measured()).contains(0.0);
        assertThat(budget.spent()).isFalse();
        assertThat(AbandonBudget.of(Jurisdiction.US, over30Days(new Counts(101, 2, 0)), 0.0).remaining()).isEqualTo(1);
    }

    @Test
    void a_rate_at_the_cap_is_spent_with_nothing_left() {
        AbandonBudget budget = AbandonBudget.of(Jurisdiction.US, over30Days(new Counts(100, 3, 0)), 0.0);

        assertThat(budget.measured()).hasValueSatisfying(rate -> assertThat(rate).isCloseTo(3.0, within(1e-9)));
        assertThat(budget.spent()).isTrue();
        assertThat(budget.remaining()).isZero();
    }

    @Test
    void each_jurisdiction_measures_over_its_own_period() {
        AbandonFigures badDayGoodMonth = new AbandonFigures(new Counts(100, 4, 0), new Counts(1000, 4, 0), Counts.ZERO);

        assertThat(AbandonBudget.of(Jurisdiction.UK, badDayGoodMonth, 0.0).spent()).isTrue();
        assertThat(AbandonBudget.of(Jurisdiction.US, badDayGoodMonth, 0.0).spent()).isFalse();
        assertThat(AbandonBudget.of(Jurisdiction.CA, badDayGoodMonth, 0.0).remaining()).isEqualTo(48);
    }

    @Test
    void uk_rates_count_the_estimated_machine_false_positives_as_abandoned_people() {
        AbandonFigures figures = new AbandonFigures(new Counts(100, 1, 40), new Counts(100, 1, 40), Counts.ZERO);

        AbandonBudget uk = AbandonBudget.of(Jurisdiction.UK, figures, 0.05);
        AbandonBudget us = AbandonBudget.of(Jurisdiction.US, figures, 0.05);

        assertThat(uk.rate24h()).hasValueSatisfying(rate -> assertThat(rate).isCloseTo(300.0 / 102, within(1e-9)));
        assertThat(uk.remaining()).isZero();
        assertThat(us.rate30d()).contains(1.0);
        assertThat(us.remaining()).isEqualTo(2);
    }

    @Test
    void without_live_answers_there_is_no_rate_and_no_budget_yet() {
        AbandonBudget budget = AbandonBudget.of(Jurisdiction.US, AbandonFigures.NONE, 0.05);

        assertThat(budget.measured()).isEmpty();
        assertThat(budget.spent()).isFalse();
        assertThat(budget.remaining()).isZero();
    }
}
