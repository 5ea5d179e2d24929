package io.switchboard.queue.staffing;

import static io.switchboard.queue.staffing.Questions.HOUR;
import static io.switchboard.queue.staffing.Questions.answered;
import static io.switchboard.queue.staffing.Questions.calls;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ErlangATest {

    private static final double CALLS_PER_SECOND = 120 / HOUR;

    private static QueueMetrics metrics(int agents, double patienceSeconds, double withinSeconds) {
        return ErlangA.metrics(agents, CALLS_PER_SECOND, 300, patienceSeconds, withinSeconds).orElseThrow();
    }

    /**
     * No published Erlang A example with all inputs and outputs was found (the calculators found, e.g.
     * erlang.chwyean.com/erlang/erlangA.html, give formulas but no worked numbers). These values were computed
     * independently in Python: the stationary distribution of the birth-death chain in plain floating point,
     * and the service level as the absorption probability of the tagged caller's Markov chain (caller ahead
     * count, answered, abandoned) from SciPy's matrix exponential at t = 20 s, not from the beta function;
     * the ASA as {@code E[wait; answered]} from that chain's transient generator T, {@code q T^-2 r}, over the
     * share answered. The script is {@code src/test/resources/staffing/erlang_a_reference.py}.
     */
    @Test
    void fourteen_agents_with_two_minute_patience_match_an_independent_solution_of_the_chain() {
        QueueMetrics metrics = metrics(14, 120, 20);

        assertThat(metrics.waitProbability()).isCloseTo(0.1156199074328678, within(1e-9));
        assertThat(metrics.serviceLevel()).isCloseTo(0.9241009068895771, within(1e-9));
        assertThat(metrics.abandonmentProbability()).isCloseTo(0.028339648204046934, within(1e-9));
        assertThat(metrics.asaSeconds()).isCloseTo(2.715484094138739, within(1e-6));
    }

    @Test
    void ten_agents_for_ten_erlangs_with_one_minute_patience_match_the_independent_solution_too() {
        QueueMetrics metrics = metrics(10, 60, 20);

        assertThat(metrics.waitProbability()).isCloseTo(0.3748290533061016, within(1e-9));
        assertThat(metrics.serviceLevel()).isCloseTo(0.7190532026124538, within(1e-9));
        assertThat(metrics.abandonmentProbability()).isCloseTo(0.1708016689043573, within(1e-9));
        assertThat(metrics.asaSeconds()).isCloseTo(7.196220013857645, within(1e-6));
    }

    @Test
    void as_patience_grows_without_bound_erlang_a_becomes_erlang_c() {
        QueueMetrics patient = metrics(14, 1e8, 20);
        QueueMetrics erlangC = ErlangC.metrics(14, 10, ErlangC.erlangB(14, 10), 300, 20);

        assertThat(patient.waitProbability()).isCloseTo(erlangC.waitProbability(), within(1e-6));
        assertThat(patient.serviceLevel()).isCloseTo(erlangC.serviceLevel(), within(1e-6));
        assertThat(patient.asaSeconds()).isCloseTo(erlangC.asaSeconds(), within(1e-3));
        assertThat(patient.abandonmentProbability()).isCloseTo(0, within(1e-6));
    }

    @Test
    void abandonment_falls_as_agents_grow() {
        double previous = 1;
        for (int agents = 5; agents <= 25; agents++) {
            double abandonment = metrics(agents, 90, 20).abandonmentProbability();
            assertThat(abandonment).as("abandonment with %d agents", agents).isLessThan(previous);
            previous = abandonment;
        }
    }

    @Test
    void fewer_agents_than_erlangs_is_stable_and_abandons_at_least_the_traffic_they_cannot_carry() {
        QueueMetrics metrics = metrics(8, 60, 20);

        assertThat(metrics.abandonmentProbability()).isBetween(1 - 8 / 10.0, 1.0);
        assertThat(metrics.occupancy()).isBetween(0.0, 1.0);
        assertThat(metrics.asaSeconds()).isFinite();
    }

    @Test
    void impatient_callers_wait_less_than_patient_ones() {
        QueueMetrics erlangC = ErlangC.metrics(12, 10, ErlangC.erlangB(12, 10), 300, 20);

        assertThat(metrics(12, 60, 20).asaSeconds()).isLessThan(erlangC.asaSeconds());
        assertThat(metrics(12, 60, 20).waitProbability()).isLessThan(erlangC.waitProbability());
    }

    @Test
    void with_a_zero_threshold_the_service_level_is_the_share_answered_at_once() {
        QueueMetrics metrics = metrics(12, 60, 0);

        assertThat(metrics.serviceLevel()).isCloseTo(1 - metrics.waitProbability(), within(1e-12));
    }

    @Test
    void a_thousand_agents_under_950_erlangs_give_finite_probabilities() {
        QueueMetrics metrics = ErlangA.metrics(1000, 950.0 / 300, 300, 180, 20).orElseThrow();

        assertThat(metrics.waitProbability()).isBetween(0.0, 1.0);
        assertThat(metrics.serviceLevel()).isBetween(0.0, 1.0);
        assertThat(metrics.abandonmentProbability()).isBetween(0.0, 1.0);
        assertThat(metrics.asaSeconds()).isFinite().isNotNegative();
    }

    @Test
    void the_search_returns_the_fewest_agents_that_reach_the_target() {
        StaffingQuestion question = calls(120, HOUR).aht(300).target(0.8, 20).withPatience(120);

        StaffingAnswer answer = answered(question);

        assertThat(answer.model()).isEqualTo(StaffingModel.ERLANG_A);
        assertThat(answer.metrics().serviceLevel()).isGreaterThanOrEqualTo(0.8);
        assertThat(answered(question.withAgents(answer.agents() - 1)).metrics().serviceLevel()).isLessThan(0.8);
    }

    @Test
    void a_patience_far_longer_than_the_calls_with_far_too_few_agents_is_refused_not_computed_for_ever() {
        StaffingOutcome outcome = Staffing.answer(calls(36_000, HOUR).aht(300).target(0.8, 20)
                .withPatience(1e9).withAgents(1));

        assertThat(outcome).isEqualTo(new StaffingOutcome.QueueTooLong(1, 1e9));
    }
}
