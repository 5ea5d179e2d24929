package io.switchboard.queue.selection;

import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.QueueId;
import io.switchboard.core.id.TaskId;
import io.switchboard.core.routing.RoutingStrategy;
import io.switchboard.core.routing.Task;
import io.switchboard.core.routing.TaskQueue;
import io.switchboard.core.routing.Workflow;
import io.switchboard.core.routing.WorkflowStep;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A contact centre for selection tests: queues first, then agents and waiting tasks, a fake clock and a
 * scripted random source. The round-robin memory kept between decisions is the one the last offer returned.
 */
final class SelectionWorld {

    final FakeClock clock = new FakeClock();
    final ScriptedRandom random = new ScriptedRandom();
    private final List<QueueSetup> setups = new ArrayList<>();
    private final Selector selector = new Selector(clock, random);
    private AgentPool pool;
    private WaitingTasks tasks;
    private RoundRobinMemory memory = RoundRobinMemory.EMPTY;

    static TaskQueue queue(String id, RoutingStrategy strategy) {
        return TaskQueue.of(QueueId.of(id), id, strategy);
    }

    static WorkflowStep step(String queue, Duration timeout) {
        return new WorkflowStep(QueueId.of(queue), 0, timeout);
    }

    static Workflow workflow(WorkflowStep... steps) {
        return new Workflow("workflow", List.of(steps));
    }

    SelectionWorld with(QueueSetup setup) {
        if (pool != null) {
            throw new IllegalStateException("add queues before agents and tasks");
        }
        setups.add(setup);
        return this;
    }

    /** Changes a queue's setup once agents and tasks are known, as the router does when a queue is edited. */
    SelectionWorld changed(QueueSetup setup) {
        pool().setQueue(setup);
        return this;
    }

    SelectionWorld with(TaskQueue queue) {
        return with(QueueSetup.of(queue));
    }

    SelectionWorld with(Agents... agents) {
        Arrays.stream(agents).forEach(agent -> pool().put(agent.snapshot()));
        return this;
    }

    /** A waiting inbound call of {@code queue} at {@code priority}, created now. */
    WaitingTask call(String id, String queue, int priority) {
        Task task = Task.inboundCall(TaskId.of(id), CallId.of("call-" + id), Optional.empty(), QueueId.of(queue),
                priority, clock.instant(), Map.of());
        return WaitingTask.of(task);
    }

    WaitingTask call(String id, String queue) {
        return call(id, queue, 0);
    }

    SelectionWorld waiting(WaitingTask... waiting) {
        Arrays.stream(waiting).forEach(tasks()::put);
        return this;
    }

    SelectionWorld gone(String taskId) {
        tasks().remove(TaskId.of(taskId));
        return this;
    }

    /** The waiting tasks indexed under a step in {@code queue}, as {@link Selector#taskFor} reads them. */
    List<String> indexedUnder(String queue) {
        return tasks().withStepIn(QueueId.of(queue)).stream().map(task -> task.id().value()).toList();
    }

    int waitingCount() {
        return tasks().size();
    }

    Selection agentFor(WaitingTask task) {
        return remember(selector.agentFor(task, pool(), memory));
    }

    Selection taskFor(String agent) {
        return remember(selector.taskFor(AgentId.of(agent), pool(), tasks(), memory));
    }

    /** The agents offered, or an empty list when the decision was to wait. */
    List<String> offeredFor(WaitingTask task) {
        return agentsOf(agentFor(task));
    }

    AgentPool pool() {
        if (pool == null) {
            pool = new AgentPool(setups);
        }
        return pool;
    }

    private WaitingTasks tasks() {
        if (tasks == null) {
            tasks = new WaitingTasks(pool());
        }
        return tasks;
    }

    private Selection remember(Selection selection) {
        if (selection instanceof Selection.Offer offer) {
            memory = offer.memory();
        }
        return selection;
    }

    static List<String> agentsOf(Selection selection) {
        if (selection instanceof Selection.Offer offer) {
            return offer.agents().stream().map(AgentId::value).toList();
        }
        return List.of();
    }

    static Selection.Wait waitOf(Selection selection) {
        if (selection instanceof Selection.Wait wait) {
            return wait;
        }
        throw new AssertionError("expected a wait, got " + selection);
    }

    static Selection.Offer offerOf(Selection selection) {
        if (selection instanceof Selection.Offer offer) {
            return offer;
        }
        throw new AssertionError("expected an offer, got " + selection);
    }
}
