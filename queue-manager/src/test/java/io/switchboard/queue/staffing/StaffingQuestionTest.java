package io.switchboard.queue.staffing;

import static io.switchboard.queue.staffing.Questions.HOUR;
import static io.switchboard.queue.staffing.Questions.calls;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class StaffingQuestionTest {

    private static String invalidField(StaffingQuestion question) {
        StaffingOutcome outcome = Staffing.answer(question);
        assertThat(outcome).isInstanceOf(StaffingOutcome.InvalidInput.class);
        StaffingOutcome.InvalidInput invalid = (StaffingOutcome.InvalidInput) outcome;
        assertThat(invalid.message()).startsWith(invalid.field() + " ");
        return invalid.field();
    }

    private static StaffingQuestion question(double calls, double interval, double aht, double level, double within) {
        return StaffingQuestion.agentsFor(calls, interval, aht, level, within);
    }

    @Test
    void a_rate_that_is_zero_negative_or_not_a_number_names_its_field() {
        assertThat(invalidField(question(0, HOUR, 300, 0.8, 20))).isEqualTo("callsPerInterval");
        assertThat(invalidField(question(-5, HOUR, 300, 0.8, 20))).isEqualTo("callsPerInterval");
        assertThat(invalidField(question(120, 0, 300, 0.8, 20))).isEqualTo("intervalSeconds");
        assertThat(invalidField(question(120, HOUR, Double.NaN, 0.8, 20))).isEqualTo("ahtSeconds");
        assertThat(invalidField(question(120, HOUR, 300, 0.8, -1))).isEqualTo("answerWithinSeconds");
    }

    @Test
    void a_service_level_outside_zero_to_one_is_refused_but_one_itself_is_allowed() {
        assertThat(invalidField(question(120, HOUR, 300, 0, 20))).isEqualTo("serviceLevel");
        assertThat(invalidField(question(120, HOUR, 300, 80, 20))).isEqualTo("serviceLevel");
        assertThat(Staffing.answer(question(120, HOUR, 300, 1, 20))).isInstanceOf(StaffingAnswer.class);
    }

    @Test
    void a_question_needs_a_target_or_a_staff() {
        StaffingQuestion neither = new StaffingQuestion(120, HOUR, 300, OptionalDouble.empty(), 20,
                OptionalInt.empty(), OptionalDouble.empty());

        assertThat(invalidField(neither)).isEqualTo("serviceLevel");
        assertThat(Staffing.answer(neither.withAgents(14))).isInstanceOf(StaffingAnswer.class);
    }

    @Test
    void agents_and_patience_are_checked_too() {
        StaffingQuestion question = calls(120, HOUR).aht(300).target(0.8, 20);

        assertThat(invalidField(question.withAgents(0))).isEqualTo("agents");
        assertThat(invalidField(question.withAgents(10_001))).isEqualTo("agents");
        assertThat(invalidField(question.withPatience(0))).isEqualTo("patienceSeconds");
    }

    @Test
    void giving_a_patience_switches_the_model_to_erlang_a() {
        StaffingQuestion question = calls(120, HOUR).aht(300).target(0.8, 20);

        assertThat(question.model()).isEqualTo(StaffingModel.ERLANG_C);
        assertThat(question.withPatience(120).model()).isEqualTo(StaffingModel.ERLANG_A);
    }
}
