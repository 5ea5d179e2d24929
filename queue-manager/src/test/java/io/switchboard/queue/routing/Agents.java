package io.switchboard.queue.routing;

import io.switchboard.core.agent.Agent;
import io.switchboard.core.agent.AgentState;
import io.switchboard.core.agent.AgentStatus;
import io.switchboard.core.agent.QueueMembership;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.QueueId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Fixtures: agents and their statuses. */
final class Agents {

    private Agents() {
    }

    /** An agent with device {@code SIP/<id>} who serves {@code queues}. */
    static Agent member(String id, String... queues) {
        List<QueueMembership> memberships = java.util.Arrays.stream(queues).map(q -> QueueMembership.of(QueueId.of(q)))
                .toList();
        return new Agent(AgentId.of(id), "Agent " + id, List.of(), memberships, Agent.VOICE_ONLY,
                Optional.of("SIP/" + id));
    }

    static Agent withoutDevice(String id, String queue) {
        return new Agent(AgentId.of(id), "Agent " + id, List.of(), List.of(QueueMembership.of(QueueId.of(queue))),
                Agent.VOICE_ONLY, Optional.empty());
    }

    static AgentStatus status(AgentState state, Instant since) {
        return new AgentStatus(state, Optional.empty(), since, 1);
    }
}
