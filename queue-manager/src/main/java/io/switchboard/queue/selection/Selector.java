package io.switchboard.queue.selection;

import io.switchboard.core.agent.QueueMembership;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.QueueId;
import io.switchboard.core.routing.PreferredAgent;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The two decisions of the ACD, as pure functions of the pool, the waiting tasks, the clock and the
 * random source:
 * <ul>
 *   <li>{@link #agentFor}: a task arrived, or its situation changed (workflow step, preference lapsed,
 *       an agent missed it): which agents to offer it to, by its queue's strategy;</li>
 *   <li>{@link #taskFor}: an agent became free: which waiting task, over every queue they serve and
 *       qualify for, to offer them: the highest priority, then the longest waiting, then the smallest id.</li>
 * </ul>
 * Agents who are not available, cannot be reached, are busy on their own device, or already missed the task
 * are never picked. While a task's {@link PreferredAgent} holds, only that agent is offered it.
 *
 * <p>The selector keeps no state of its own, but the random source usually is not thread-safe: call it on
 * the router's context, like the pool and the waiting tasks it reads.
 */
public final class Selector {

    private static final Comparator<Candidate> FAIREST = Comparator
            .comparingInt((Candidate c) -> -c.priority())
            .thenComparing((Candidate c) -> c.task().task().created())
            .thenComparing((Candidate c) -> c.task().id().value());

    private final InstantSource clock;
    private final RandomGenerator random;

    /** A selector reading {@code clock} and drawing from {@code random} (only for the random strategies). */
    public Selector(InstantSource clock, RandomGenerator random) {
        this.clock = clock;
        this.random = random;
    }

    /** Whom to offer {@code task} to now, or why it waits. */
    public Selection agentFor(WaitingTask task, AgentPool pool, RoundRobinMemory memory) {
        Instant now = clock.instant();
        Optional<PreferredAgent> preferred = holding(task, now).filter(p -> reachable(task, p.agent(), pool));
        if (preferred.isPresent()) {
            AgentId agent = preferred.get().agent();
            boolean free = pool.agent(agent).map(AgentSnapshot::isOfferable).orElse(false);
            return free
                    ? new Selection.Offer(task.id(), task.task().queue(), List.of(agent), Duration.ZERO, memory)
                    : new Selection.Wait(WaitReason.PREFERRED_AGENT_BUSY, Optional.of(preferred.get().until()));
        }
        CurrentStep step = CurrentStep.of(task, pool, now);
        Optional<Selection.Offer> offer = StrategyChoice.choose(task, step.step(), pool, memory, random);
        if (offer.isPresent()) {
            return offer.get();
        }
        return new Selection.Wait(WaitReason.NO_AGENT_AVAILABLE, step.endsAt());
    }

    /** Which waiting task to offer {@code agent} now, or why they get none. */
    public Selection taskFor(AgentId agent, AgentPool pool, WaitingTasks tasks, RoundRobinMemory memory) {
        Optional<AgentSnapshot> found = pool.agent(agent).filter(AgentSnapshot::isOfferable);
        if (found.isEmpty()) {
            return new Selection.Wait(WaitReason.AGENT_NOT_AVAILABLE, Optional.empty());
        }
        AgentSnapshot me = found.get();
        Instant now = clock.instant();
        Candidate best = null;
        for (WaitingTask task : tasks.preferring(agent)) {
            if (holding(task, now).isPresent() && CurrentStep.reaches(task, me, pool)) {
                best = fairer(best, new Candidate(task, CurrentStep.of(task, pool, now).priority(), task.task().queue()));
            }
        }
        for (QueueMembership membership : me.agent().memberships()) {
            for (WaitingTask task : tasks.withStepIn(membership.queue())) {
                best = fairer(best, candidate(task, me, membership.queue(), pool, now));
            }
        }
        if (best == null) {
            return new Selection.Wait(WaitReason.NO_TASK_WAITING, Optional.empty());
        }
        return new Selection.Offer(best.task().id(), best.queue(), List.of(agent), Duration.ZERO,
                memory.after(best.queue(), agent));
    }

    /** {@code task} as a candidate for {@code me} through {@code queue}, or null when it is not one. */
    private static Candidate candidate(WaitingTask task, AgentSnapshot me, QueueId queue, AgentPool pool, Instant now) {
        if (task.tried().contains(me.id())
                || holding(task, now).filter(p -> reachable(task, p.agent(), pool)).isPresent()) {
            return null;
        }
        CurrentStep step = CurrentStep.of(task, pool, now);
        if (!step.step().queue().equals(queue) || !CurrentStep.admits(step.step(), me, task, pool)) {
            return null;
        }
        return new Candidate(task, step.priority(), queue);
    }

    private static Candidate fairer(Candidate best, Candidate other) {
        if (other == null) {
            return best;
        }
        return best == null || FAIREST.compare(other, best) < 0 ? other : best;
    }

    /**
     * Whether the preferred {@code agent} is on a PBX the task's caller may reach: a preference for an agent the
     * caller's queue cannot ring (another PBX, no trunk or a local-only queue) does not hold the task back.
     */
    private static boolean reachable(WaitingTask task, AgentId agent, AgentPool pool) {
        return pool.agent(agent).map(a -> CurrentStep.reaches(task, a, pool)).orElse(true);
    }

    /** The task's preference if it still holds and the preferred agent has not already missed the task. */
    private static Optional<PreferredAgent> holding(WaitingTask task, Instant now) {
        return task.preferred().filter(p -> p.holdsAt(now) && !task.tried().contains(p.agent()));
    }

    /** A task a free agent could take, at the priority of its current step, through one of their queues. */
    private record Candidate(WaitingTask task, int priority, QueueId queue) {
    }
}
