package io.switchboard.core.routing;

import io.switchboard.core.Require;
import io.switchboard.core.id.QueueId;

import java.time.Duration;

/**
 * One step of a {@link Workflow}: wait in {@code queue} at {@code priority}
 * for at most {@code timeout}, then escalate to the next step.
 *
 * @param queue    where the task waits during this step
 * @param priority the task's priority during this step (0 or more)
 * @param timeout  how long the step lasts; {@link Duration#ZERO} means until an agent is found
 *                 (allowed only on the last step)
 */
public record WorkflowStep(QueueId queue, int priority, Duration timeout) {

    public WorkflowStep {
        Require.nonNull(queue, "queue");
        Require.atLeast(priority, 0, "priority");
        Require.nonNegative(timeout, "timeout");
    }

    /** Whether this step lasts until an agent is found. */
    public boolean isOpenEnded() {
        return timeout.isZero();
    }
}
