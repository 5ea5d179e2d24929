package io.switchboard.core.routing;

import io.switchboard.core.Require;
import io.switchboard.core.agent.Agent;
import io.switchboard.core.id.QueueId;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A queue of tasks waiting for agents, and the rules for handing them out.
 *
 * @param id                 the queue's id
 * @param name               the name shown on wallboards; never blank
 * @param strategy           how an agent is picked among the qualified ones
 * @param requiredSkills     skills every agent must have to take this queue's tasks; at most one per skill
 * @param wrapUp             after-call work time the agent gets after each task (0 or more)
 * @param maxLength          the most tasks that may wait at once; {@value #UNLIMITED_LENGTH} means no limit
 * @param maxWait            the longest a task may wait before it is canceled;
 *                           {@link Duration#ZERO} means no limit
 * @param reservationTimeout how long an offered agent has to accept (answer) before the
 *                           reservation times out and the next agent is tried; positive
 */
public record TaskQueue(
        QueueId id,
        String name,
        RoutingStrategy strategy,
        List<SkillRequirement> requiredSkills,
        Duration wrapUp,
        int maxLength,
        Duration maxWait,
        Duration reservationTimeout) {

    /** {@code maxLength} value meaning any number of tasks may wait. */
    public static final int UNLIMITED_LENGTH = 0;
    /** {@code maxWait} value meaning tasks may wait for ever. */
    public static final Duration UNLIMITED_WAIT = Duration.ZERO;
    /** A common ring time before an agent counts as not answering. */
    public static final Duration DEFAULT_RESERVATION_TIMEOUT = Duration.ofSeconds(15);

    public TaskQueue {
        Require.nonNull(id, "queueId");
        Require.nonBlank(name, "name");
        Require.nonNull(strategy, "strategy");
        requiredSkills = List.copyOf(Require.nonNull(requiredSkills, "requiredSkills"));
        Require.nonNegative(wrapUp, "wrapUp");
        Require.atLeast(maxLength, 0, "maxLength");
        Require.nonNegative(maxWait, "maxWait");
        Require.positive(reservationTimeout, "reservationTimeout");
        Set<String> seen = new HashSet<>();
        for (SkillRequirement requirement : requiredSkills) {
            if (!seen.add(requirement.skill())) {
                throw new IllegalArgumentException(
                        "requiredSkills must not name '" + requirement.skill() + "' twice");
            }
        }
    }

    /**
     * A queue with no skill requirements, no wrap-up, no length or wait limit
     * and the {@linkplain #DEFAULT_RESERVATION_TIMEOUT default reservation timeout}.
     */
    public static TaskQueue of(QueueId id, String name, RoutingStrategy strategy) {
        return new TaskQueue(id, name, strategy, List.of(), Duration.ZERO,
                UNLIMITED_LENGTH, UNLIMITED_WAIT, DEFAULT_RESERVATION_TIMEOUT);
    }

    /** Whether {@code agent} may take this queue's tasks: a member with every required skill. */
    public boolean isQualified(Agent agent) {
        return agent.isMemberOf(id) && requiredSkills.stream().allMatch(r -> r.isMetBy(agent));
    }

    /** Whether a new task must be refused when {@code waiting} tasks already wait. */
    public boolean isFull(int waiting) {
        return maxLength != UNLIMITED_LENGTH && waiting >= maxLength;
    }

    /** Whether a task that has waited {@code waited} has exceeded the maximum wait. */
    public boolean hasWaitedTooLong(Duration waited) {
        return !maxWait.isZero() && waited.compareTo(maxWait) > 0;
    }
}
