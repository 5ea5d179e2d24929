package io.switchboard.queue.staffing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

/** Fixtures: questions in the words of a planner, and the rounding the oracles are quoted in. */
final class Questions {

    static final double HOUR = 3600;
    static final double HALF_HOUR = 1800;

    private Questions() {
    }

    /** e.g. {@code calls(120, HOUR).aht(300).target(0.8, 20)}. */
    static Calls calls(double count, double intervalSeconds) {
        return new Calls(count, intervalSeconds);
    }

    record Calls(double count, double intervalSeconds) {
        Handled aht(double seconds) {
            return new Handled(this, seconds);
        }
    }

    record Handled(Calls calls, double ahtSeconds) {
        StaffingQuestion target(double serviceLevel, double withinSeconds) {
            return StaffingQuestion.agentsFor(calls.count(), calls.intervalSeconds(), ahtSeconds, serviceLevel,
                    withinSeconds);
        }
    }

    static StaffingAnswer answered(StaffingQuestion question) {
        StaffingOutcome outcome = Staffing.answer(question);
        assertThat(outcome).isInstanceOf(StaffingAnswer.class);
        return (StaffingAnswer) outcome;
    }

    /** A share as a percentage with two decimals, as staffing tables print it: 0.866627 is "86.66". */
    static String percent(double share) {
        return String.format(Locale.ROOT, "%.2f", share * 100);
    }

    static String twoDecimals(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    static String fourDecimals(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }
}
