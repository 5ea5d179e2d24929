package io.switchboard.queue.selection;

import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.QueueId;
import io.switchboard.core.id.TaskId;
import io.switchboard.core.routing.PreferredAgent;
import io.switchboard.core.routing.WorkflowStep;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tasks waiting for agents, indexed by every queue their workflow's steps name and by preferred
 * agent, so that a free agent looks only at the tasks of their own queues and those preferring them.
 *
 * <p>Not thread-safe: keep it on the router's context, with the {@link AgentPool} it is read with.
 */
public final class WaitingTasks {

    private final AgentPool pool;
    private final Map<TaskId, WaitingTask> tasks = new HashMap<>();
    private final Map<QueueId, Map<TaskId, WaitingTask>> byStepQueue = new HashMap<>();
    private final Map<AgentId, Map<TaskId, WaitingTask>> byPreferred = new HashMap<>();
    private final Map<TaskId, List<QueueId>> indexedIn = new HashMap<>();

    /** No waiting tasks yet, for the queues of {@code pool}. */
    public WaitingTasks(AgentPool pool) {
        this.pool = pool;
    }

    /** Adds the task, or replaces it (e.g. after an agent missed it). Its queue must be one of the pool's. */
    public void put(WaitingTask task) {
        remove(task.id());
        tasks.put(task.id(), task);
        List<QueueId> stepQueues = new ArrayList<>();
        for (WorkflowStep step : pool.setup(task.task().queue()).workflow().steps()) {
            byStepQueue.computeIfAbsent(step.queue(), q -> new LinkedHashMap<>()).put(task.id(), task);
            stepQueues.add(step.queue());
        }
        indexedIn.put(task.id(), stepQueues);
        task.preferred().map(PreferredAgent::agent)
                .ifPresent(agent -> byPreferred.computeIfAbsent(agent, a -> new LinkedHashMap<>()).put(task.id(), task));
    }

    /** Removes the task: it was assigned, abandoned or canceled. */
    public void remove(TaskId id) {
        WaitingTask task = tasks.remove(id);
        if (task == null) {
            return;
        }
        // the step queues it was put under: its queue's workflow may have changed since
        for (QueueId stepQueue : indexedIn.remove(id)) {
            byStepQueue.computeIfPresent(stepQueue, (queue, inQueue) -> without(inQueue, id));
        }
        task.preferred().ifPresent(p -> byPreferred.computeIfPresent(p.agent(), (agent, theirs) -> without(theirs, id)));
    }

    private static Map<TaskId, WaitingTask> without(Map<TaskId, WaitingTask> tasks, TaskId id) {
        tasks.remove(id);
        return tasks.isEmpty() ? null : tasks;
    }

    /** The waiting task with this id. */
    public Optional<WaitingTask> get(TaskId id) {
        return Optional.ofNullable(tasks.get(id));
    }

    /** How many tasks wait. */
    public int size() {
        return tasks.size();
    }

    /** Tasks whose workflow has a step in {@code queue}. */
    Collection<WaitingTask> withStepIn(QueueId queue) {
        Map<TaskId, WaitingTask> found = byStepQueue.get(queue);
        return found == null ? List.of() : found.values();
    }

    /** Tasks that prefer {@code agent}, whether or not the preference still holds. */
    Collection<WaitingTask> preferring(AgentId agent) {
        Map<TaskId, WaitingTask> found = byPreferred.get(agent);
        return found == null ? List.of() : found.values();
    }
}
