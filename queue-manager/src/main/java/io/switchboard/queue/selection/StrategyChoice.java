package io.switchboard.queue.selection;

import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.QueueId;
import io.switchboard.core.routing.RoutingStrategy;
import io.switchboard.core.routing.WorkflowStep;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/** Applies a queue's strategy to the offerable agents of one workflow step. */
final class StrategyChoice {

    private StrategyChoice() {
    }

    /** The offer for {@code task} in {@code step}, or empty when no agent of the step is offerable. */
    static Optional<Selection.Offer> choose(WaitingTask task, WorkflowStep step, AgentPool pool,
                                            RoundRobinMemory memory, RandomGenerator random) {
        QueueSetup setup = pool.setup(step.queue());
        QueueId queue = step.queue();
        RoutingStrategy strategy = setup.queue().strategy();
        List<Ranked> agents = switch (strategy) {
            case LONGEST_IDLE, LEAST_RECENT, FEWEST_CALLS, LEAST_TALK_TIME, LINEAR -> admitted(task, step, pool, 1, false);
            case RING_ALL, RANDOM, ROUND_ROBIN_MEMORY -> admitted(task, step, pool, Integer.MAX_VALUE, true);
            case RING_PROGRESSIVELY, WEIGHTED_RANDOM -> admitted(task, step, pool, Integer.MAX_VALUE, false);
        };
        if (agents.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(switch (strategy) {
            case RING_ALL -> offer(task, queue, agents, Duration.ZERO, memory);
            case RING_PROGRESSIVELY -> offer(task, queue, agents, setup.ringInterval(), memory);
            case RANDOM -> offer(task, queue, List.of(agents.get(random.nextInt(agents.size()))), Duration.ZERO, memory);
            case WEIGHTED_RANDOM -> offer(task, queue, List.of(weighted(agents, random)), Duration.ZERO, memory);
            case ROUND_ROBIN_MEMORY -> offer(task, queue, List.of(nextAfter(agents, memory.lastOfferedIn(queue), pool, queue)),
                    Duration.ZERO, memory);
            case LONGEST_IDLE, LEAST_RECENT, FEWEST_CALLS, LEAST_TALK_TIME, LINEAR ->
                    offer(task, queue, agents, Duration.ZERO, memory);
        });
    }

    /**
     * The admitted agents in strategy order, at most {@code limit}; with {@code lowestPenaltyOnly}, only
     * those sharing the lowest penalty among them.
     */
    private static List<Ranked> admitted(WaitingTask task, WorkflowStep step, AgentPool pool, int limit,
                                         boolean lowestPenaltyOnly) {
        List<Ranked> found = new ArrayList<>();
        for (Ranked ranked : pool.offerableIn(step.queue())) {
            if (lowestPenaltyOnly && !found.isEmpty() && ranked.penalty() > found.get(0).penalty()) {
                break;
            }
            if (CurrentStep.admits(step, ranked.snapshot(), task, pool)) {
                found.add(ranked);
                if (found.size() == limit) {
                    break;
                }
            }
        }
        return found;
    }

    /** A random agent, each as likely as {@code 1 / (1 + penalty)}. */
    private static Ranked weighted(List<Ranked> agents, RandomGenerator random) {
        double total = 0;
        for (Ranked ranked : agents) {
            total += 1.0 / (1 + ranked.penalty());
        }
        double draw = random.nextDouble() * total;
        for (Ranked ranked : agents) {
            draw -= 1.0 / (1 + ranked.penalty());
            if (draw < 0) {
                return ranked;
            }
        }
        return agents.get(agents.size() - 1);
    }

    /** The first agent after the one offered last, in member order, wrapping round to the first. */
    private static Ranked nextAfter(List<Ranked> agents, Optional<AgentId> last, AgentPool pool, QueueId queue) {
        if (last.isEmpty()) {
            return agents.get(0);
        }
        int lastPosition = pool.positionOf(queue, last.get());
        String lastId = last.get().value();
        for (Ranked ranked : agents) {
            if (ranked.position() > lastPosition
                    || ranked.position() == lastPosition && ranked.snapshot().id().value().compareTo(lastId) > 0) {
                return ranked;
            }
        }
        return agents.get(0);
    }

    private static Selection.Offer offer(WaitingTask task, QueueId queue, List<Ranked> agents, Duration stagger,
                                         RoundRobinMemory memory) {
        List<AgentId> ids = agents.stream().map(r -> r.snapshot().id()).toList();
        return new Selection.Offer(task.id(), queue, ids, stagger, memory.after(queue, ids.get(0)));
    }
}
