package io.switchboard.queue.dialer.pacing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class FreeAgentForecastTest {

    @Test
    void one_free_agent_and_poisson_answers_lose_all_but_one_of_them() {
        FreeAgentForecast forecast = new FreeAgentForecast(2, 1, 0);
        forecast.answering(1, 1.5);

        // E[(J - 1)+] for J Poisson(1.5) = 1.5 - 1 + P(J = 0)
        assertThat(forecast.expectedAbandons(0)).isCloseTo(0.5 + Math.exp(-1.5), within(1e-9));
    }

    @Test
    void an_agent_freeing_before_the_answers_takes_one_of_them() {
        FreeAgentForecast forecast = new FreeAgentForecast(3, 0, 0);
        forecast.freeing(1, 1.0);
        forecast.answering(2, 1.5);

        assertThat(forecast.expectedAbandons(0)).isCloseTo(0.5 + Math.exp(-1.5), within(1e-9));
    }

    @Test
    void new_calls_add_abandons_faster_and_faster() {
        FreeAgentForecast forecast = new FreeAgentForecast(10, 2, 0);
        for (int s = 1; s < 10; s++) {
            forecast.freeing(s, 0.3);
            forecast.answeringPerNewCall(s, 0.03);
        }

        double previousStep = 0;
        for (int calls = 1; calls <= 30; calls++) {
            double step = forecast.expectedAbandons(calls) - forecast.expectedAbandons(calls - 1);
            assertThat(step).isGreaterThanOrEqualTo(previousStep - 1e-12);
            previousStep = step;
        }
        assertThat(forecast.expectedAbandons(0)).isZero();
    }

    @Test
    void callers_already_waiting_with_nobody_free_are_lost_unless_an_agent_frees_within_the_wait() {
        FreeAgentForecast nobody = new FreeAgentForecast(2, 0, 2);
        FreeAgentForecast oneFreeing = new FreeAgentForecast(2, 0, 2);
        oneFreeing.freeing(0, 1.0);

        assertThat(nobody.expectedAbandons(0)).isCloseTo(2.0, within(1e-9));
        assertThat(oneFreeing.expectedAbandons(0)).isCloseTo(1.0, within(1e-9));
    }
}
