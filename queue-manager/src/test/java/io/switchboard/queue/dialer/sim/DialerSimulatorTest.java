package io.switchboard.queue.dialer.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.switchboard.queue.dialer.sim.DialerSimulator.Mode;
import org.junit.jupiter.api.Test;

class DialerSimulatorTest {

    private static final SimParameters ONE_HOUR_OF_TEN = new SimParameters(10, 1, 0.30, 0.10, 120, 10, 25, 2.0, 3.0);

    @Test
    void the_same_seed_gives_the_same_shift_and_another_seed_another() {
        DialerSimulator simulator = new DialerSimulator(ONE_HOUR_OF_TEN);

        assertThat(simulator.shift(Mode.PREDICTIVE, 7)).isEqualTo(simulator.shift(Mode.PREDICTIVE, 7));
        assertThat(simulator.shift(Mode.PREDICTIVE, 8)).isNotEqualTo(simulator.shift(Mode.PREDICTIVE, 7));
    }

    @Test
    void the_summary_does_not_depend_on_how_many_threads_ran_the_seeds() {
        DialerSimulator simulator = new DialerSimulator(ONE_HOUR_OF_TEN);

        assertThat(simulator.shifts(Mode.PREDICTIVE, 4, 2)).isEqualTo(simulator.shifts(Mode.PREDICTIVE, 4, 1));
    }

    @Test
    void one_agent_dialled_progressively_never_abandons_and_talks_as_the_cycle_of_attempts_allows() {
        SimParameters alone = new SimParameters(1, 24, 0.30, 0.10, 120, 10, 25, 2.0, 3.0);

        ShiftResult shift = new DialerSimulator(alone).shift(Mode.PROGRESSIVE, 1);

        // one connect takes 1/0.3 attempts: 2 unanswered (25 s), 1/3 machine (about 10 s), the live ring (7 s),
        // then 120 s of talk and 10 s of wrap-up, and half a second's wait for the next pass after each failed
        // attempt: 120 / (130 + 50 + 3.3 + 7 + 1.2) = 63 %, 61.5 s idle (about 600 connects in 24 hours)
        assertThat(shift.abandoned()).isZero();
        assertThat(shift.occupancy()).isCloseTo(0.63, within(0.03));
        assertThat(shift.idleBetweenCalls()).isCloseTo(61.5, within(6.0));
        assertThat(shift.loggedInSeconds()).isEqualTo(24 * 3600.0);
    }

    @Test
    void twenty_agents_paced_predictively_meet_the_targets_over_three_shifts() {
        DialerSimulator simulator = new DialerSimulator(SimParameters.reference(20));

        SimSummary predictive = simulator.shifts(Mode.PREDICTIVE, 3, 2);
        SimSummary progressive = simulator.shifts(Mode.PROGRESSIVE, 3, 2);

        assertThat(predictive.meanDailyAbandonPercent()).isLessThanOrEqualTo(2.0);
        assertThat(predictive.p99DailyAbandonPercent()).isLessThanOrEqualTo(3.0);
        assertThat(predictive.occupancy()).isGreaterThanOrEqualTo(0.80);
        assertThat(predictive.idleBetweenCalls()).isLessThanOrEqualTo(20.0);
        assertThat(progressive.occupancy()).isLessThan(0.66);
        assertThat(progressive.meanDailyAbandonPercent()).isZero();
    }

    @Test
    void parameters_out_of_range_are_refused_naming_the_field() {
        assertThatThrownBy(() -> new SimParameters(0, 8, 0.3, 0.1, 120, 10, 25, 2, 3)).hasMessageStartingWith("agents");
        assertThatThrownBy(() -> new SimParameters(20, 8, 0.3, 0.8, 120, 10, 25, 2, 3))
                .hasMessageStartingWith("machineRate");
        assertThatThrownBy(() -> new SimParameters(20, 8, 0.3, 0.1, 120, 10, 10, 2, 3))
                .hasMessageStartingWith("ringTimeoutSeconds");
        assertThatThrownBy(() -> new SimParameters(20, 8, 0.3, 0.1, 120, 10, 25, 4, 3))
                .hasMessageStartingWith("abandonTargetPercent");
    }
}
