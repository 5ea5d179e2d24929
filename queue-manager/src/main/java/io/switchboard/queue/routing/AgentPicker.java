package io.switchboard.queue.routing;

import io.switchboard.core.agent.Agent;
import io.switchboard.core.agent.AgentStatus;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.QueueId;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;

/**
 * Picks the agent for a waiting task: among the queue's members who are {@code AVAILABLE}, can be reached (an
 * open line on the caller's PBX, or a device to ring) and were not already tried for this task, the one idle longest (earliest {@link AgentStatus#since});
 * ties go to the smaller agent id, so the same snapshot always gives the same answer.
 *
 * <p>A pure function of the snapshot: it reads no clock and does no I/O. Other strategies of
 * {@code RoutingStrategy} will be siblings with the same signature.
 */
public final class AgentPicker {

    private static final Comparator<Candidate> LONGEST_IDLE = Comparator
            .comparing((Candidate c) -> c.status().since())
            .thenComparing(c -> c.agent().id().value());

    private AgentPicker() {
    }

    /**
     * One agent as the picker sees it: who they are, their routing status right now, and whether their line
     * (a nailed-up session) is open on the PBX of the call being decided.
     */
    public record Candidate(Agent agent, AgentStatus status, boolean lineOpen) {

        /** An agent without an open line. */
        public Candidate(Agent agent, AgentStatus status) {
            this(agent, status, false);
        }

        boolean reachable() {
            return lineOpen || agent.device().isPresent();
        }
    }

    /**
     * The agent to offer a task of {@code queue} to, or empty when nobody qualifies.
     *
     * @param alreadyTried agents who already missed this task; they are not offered it again
     */
    public static Optional<Agent> pick(QueueId queue, Collection<Candidate> candidates, Set<AgentId> alreadyTried) {
        return candidates.stream()
                .filter(c -> c.agent().isMemberOf(queue))
                .filter(c -> c.status().isRoutable())
                .filter(Candidate::reachable)
                .filter(c -> !alreadyTried.contains(c.agent().id()))
                .min(LONGEST_IDLE)
                .map(Candidate::agent);
    }
}
