package io.switchboard.core.routing;

import io.switchboard.core.Require;
import io.switchboard.core.id.QueueId;

import java.time.Duration;

/**
 * One step of a {@link Workflow}: wait in {@code queue} at {@code priority}
 * for at most {@code timeout}, offered only to the agents of {@code target}, then escalate to the next step.
 *
 * @param queue                 where the task waits during this step
 * @param priority              the task's priority during this step (0 or more)
 * @param timeout               how long the step lasts; {@link Duration#ZERO} means until an agent is found
 *                              (allowed only on the last step)
 * @param target                which members the step may offer the task to
 * @param skipWhenNoneAvailable whether a task passes over this step at once while no agent of its target is
 *                              available (mod_callcenter {@code tier-rule-no-agent-no-wait}, TaskRouter {@code skip_if})
 */
public record WorkflowStep(QueueId queue, int priority, Duration timeout, AgentTarget target,
                           boolean skipWhenNoneAvailable) {

    public WorkflowStep {
        Require.nonNull(queue, "queue");
        Require.atLeast(priority, 0, "priority");
        Require.nonNegative(timeout, "timeout");
        Require.nonNull(target, "target");
    }

    /** A step open to any member of {@code queue} that is never skipped. */
    public WorkflowStep(QueueId queue, int priority, Duration timeout) {
        this(queue, priority, timeout, AgentTarget.ANY_MEMBER, false);
    }

    /** Whether this step lasts until an agent is found. */
    public boolean isOpenEnded() {
        return timeout.isZero();
    }

    /** This step offering only to {@code newTarget}. */
    public WorkflowStep targeting(AgentTarget newTarget) {
        return new WorkflowStep(queue, priority, timeout, newTarget, skipWhenNoneAvailable);
    }

    /** This step, passed over at once while none of its target's agents is available. */
    public WorkflowStep skippedWhenNoneAvailable() {
        return new WorkflowStep(queue, priority, timeout, target, true);
    }
}
