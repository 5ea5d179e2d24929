package io.switchboard.core.routing;

import io.switchboard.core.Require;

import java.time.Duration;
import java.util.List;

/**
 * Routing rules as data (TaskRouter's Workflow): the ordered steps a task goes
 * through while it waits, e.g. "billing experts for 30 s, then any billing
 * agent at a higher priority".
 *
 * @param name  the workflow's name; never blank
 * @param steps at least one; only the last may be open-ended
 */
public record Workflow(String name, List<WorkflowStep> steps) {

    public Workflow {
        Require.nonBlank(name, "name");
        steps = List.copyOf(Require.nonNull(steps, "steps"));
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("steps must not be empty");
        }
        for (int i = 0; i < steps.size() - 1; i++) {
            if (steps.get(i).isOpenEnded()) {
                throw new IllegalArgumentException("steps: only the last step may have no timeout, step " + i + " has none");
            }
        }
    }

    /**
     * The step a task is in after waiting {@code waited}: the first step whose
     * cumulative timeout has not yet passed, or the last step.
     */
    public WorkflowStep stepAfter(Duration waited) {
        Require.nonNull(waited, "waited");
        Duration elapsed = Duration.ZERO;
        for (WorkflowStep step : steps) {
            if (step.isOpenEnded()) {
                return step;
            }
            elapsed = elapsed.plus(step.timeout());
            if (waited.compareTo(elapsed) < 0) {
                return step;
            }
        }
        return steps.get(steps.size() - 1);
    }
}
