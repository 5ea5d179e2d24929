package io.switchboard.queue.selection;

import io.switchboard.core.Require;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.PbxId;
import io.switchboard.core.id.TaskId;
import io.switchboard.core.routing.PreferredAgent;
import io.switchboard.core.routing.Task;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * A task waiting for an agent, with what selection must remember about it.
 *
 * @param task      the task; its queue's workflow applies, timed from {@link Task#created()}
 * @param preferred the agent the task should go to if they become free in time
 * @param tried     agents who already missed or refused the task; never offered it again
 * @param pbx       the PBX the caller is on, when known; agents on other PBXs take it only as its queue's
 *                  {@link AgentScope} and the trunks ({@link PbxReach}) allow
 */
public record WaitingTask(Task task, Optional<PreferredAgent> preferred, Set<AgentId> tried, Optional<PbxId> pbx) {

    public WaitingTask {
        Require.nonNull(task, "task");
        Require.nonNull(preferred, "preferred");
        tried = Set.copyOf(Require.nonNull(tried, "tried"));
        Require.nonNull(pbx, "pbx");
    }

    /** A task on no PBX in particular: any agent may take it, as far as PBXs go. */
    public WaitingTask(Task task, Optional<PreferredAgent> preferred, Set<AgentId> tried) {
        this(task, preferred, tried, Optional.empty());
    }

    /** A task nobody has been offered yet, without a preference. */
    public static WaitingTask of(Task task) {
        return new WaitingTask(task, Optional.empty(), Set.of());
    }

    /** This task with its caller on {@code callerPbx}. */
    public WaitingTask on(PbxId callerPbx) {
        return new WaitingTask(task, preferred, tried, Optional.of(callerPbx));
    }

    /** The task's id. */
    public TaskId id() {
        return task.id();
    }

    /** This task preferring {@code agent}. */
    public WaitingTask preferring(PreferredAgent agent) {
        return new WaitingTask(task, Optional.of(agent), tried, pbx);
    }

    /** This task after {@code agent} missed or refused it. */
    public WaitingTask triedBy(AgentId agent) {
        Set<AgentId> more = new HashSet<>(tried);
        more.add(agent);
        return new WaitingTask(task, preferred, more, pbx);
    }
}
