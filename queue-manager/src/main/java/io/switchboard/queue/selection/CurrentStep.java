package io.switchboard.queue.selection;

import io.switchboard.core.routing.Workflow;
import io.switchboard.core.routing.WorkflowStep;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The workflow step a waiting task is in now, the priority it has there, and when the time-based step
 * ends.
 *
 * <p>Step boundaries are fixed by the task's age: step {@code i} lasts from the sum of the earlier steps'
 * timeouts to that sum plus its own. A step marked {@link WorkflowStep#skipWhenNoneAvailable()} is passed
 * over while none of its agents is offerable to the task, and comes back into force if one becomes so
 * before its time is up; skipping never moves the later steps' boundaries.
 */
record CurrentStep(WorkflowStep step, int priority, Optional<Instant> endsAt) {

    static CurrentStep of(WaitingTask task, AgentPool pool, Instant now) {
        Workflow workflow = pool.setup(task.task().queue()).workflow();
        List<WorkflowStep> steps = workflow.steps();
        Duration waited = task.task().age(now);
        Duration elapsed = Duration.ZERO;
        int index = steps.size() - 1;
        Optional<Instant> endsAt = Optional.empty();
        for (int i = 0; i < steps.size(); i++) {
            WorkflowStep step = steps.get(i);
            if (step.isOpenEnded()) {
                index = i;
                break;
            }
            elapsed = elapsed.plus(step.timeout());
            if (waited.compareTo(elapsed) < 0) {
                index = i;
                endsAt = Optional.of(task.task().created().plus(elapsed));
                break;
            }
        }
        while (index < steps.size() - 1 && steps.get(index).skipWhenNoneAvailable()
                && !anyOfferable(task, steps.get(index), pool)) {
            index++;
        }
        WorkflowStep step = steps.get(index);
        return new CurrentStep(step, Math.max(task.task().priority(), step.priority()), endsAt);
    }

    /**
     * Whether {@code agent} may be offered {@code task} in this step (offerability is the pool's business): the
     * step's queue decides, with its {@link AgentScope}, whether an agent on another PBX than the caller's may.
     */
    static boolean admits(WorkflowStep step, AgentSnapshot agent, WaitingTask task, AgentPool pool) {
        QueueSetup setup = pool.setup(step.queue());
        return !task.tried().contains(agent.id())
                && step.target().includes(agent.agent())
                && setup.queue().isQualified(agent.agent())
                && reaches(setup.agentScope(), task, agent, pool);
    }

    /** Whether the caller of {@code task} may reach {@code agent} by the scope of the task's own queue. */
    static boolean reaches(WaitingTask task, AgentSnapshot agent, AgentPool pool) {
        return reaches(pool.setup(task.task().queue()).agentScope(), task, agent, pool);
    }

    /**
     * The trunks and {@code scope} allow it, and a nailed-up agent takes only callers of their line's own PBX: their
     * phone is busy holding the line, so it cannot be rung through a trunk.
     */
    private static boolean reaches(AgentScope scope, WaitingTask task, AgentSnapshot agent, AgentPool pool) {
        boolean elsewhere = task.pbx().isPresent() && agent.pbx().isPresent() && !task.pbx().equals(agent.pbx());
        return !(elsewhere && agent.lineOpen()) && pool.reach().admits(scope, task.pbx(), agent.pbx());
    }

    private static boolean anyOfferable(WaitingTask task, WorkflowStep step, AgentPool pool) {
        for (Ranked ranked : pool.offerableIn(step.queue())) {
            if (admits(step, ranked.snapshot(), task, pool)) {
                return true;
            }
        }
        return false;
    }
}
