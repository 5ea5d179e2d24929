package io.switchboard.core.routing;

import io.switchboard.core.id.QueueId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class WorkflowTest {

    private final WorkflowStep experts = new WorkflowStep(QueueId.of("billing-experts"), 0, Duration.ofSeconds(30));
    private final WorkflowStep anyBilling = new WorkflowStep(QueueId.of("billing"), 5, Duration.ofSeconds(60));
    private final WorkflowStep everyone = new WorkflowStep(QueueId.of("everyone"), 10, Duration.ZERO);
    private final Workflow workflow = new Workflow("billing", List.of(experts, anyBilling, everyone));

    @Test
    void a_task_escalates_through_the_steps_as_it_waits() {
        assertThat(workflow.stepAfter(Duration.ZERO)).isEqualTo(experts);
        assertThat(workflow.stepAfter(Duration.ofSeconds(29))).isEqualTo(experts);
        assertThat(workflow.stepAfter(Duration.ofSeconds(30))).isEqualTo(anyBilling);
        assertThat(workflow.stepAfter(Duration.ofSeconds(89))).isEqualTo(anyBilling);
        assertThat(workflow.stepAfter(Duration.ofHours(1))).isEqualTo(everyone);
    }

    @Test
    void a_workflow_of_timed_steps_stays_in_its_last_step() {
        Workflow timed = new Workflow("timed", List.of(experts, anyBilling));

        assertThat(timed.stepAfter(Duration.ofHours(1))).isEqualTo(anyBilling);
    }

    @Test
    void only_the_last_step_may_be_open_ended_and_there_must_be_one_step() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Workflow("bad", List.of(everyone, experts)))
                .withMessageContaining("steps");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Workflow("empty", List.of()))
                .withMessage("steps must not be empty");
    }
}
