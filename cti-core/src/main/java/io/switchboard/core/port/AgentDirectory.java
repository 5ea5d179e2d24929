package io.switchboard.core.port;

import io.switchboard.core.agent.Agent;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.QueueId;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** Who the agents are: their skills, memberships and devices, as configured by the admin. */
public interface AgentDirectory {

    /** The agent with {@code id}, or empty when there is none. */
    CompletionStage<Optional<Agent>> find(AgentId id);

    /** Every agent who is a member of {@code queue}, whatever their state. */
    CompletionStage<List<Agent>> membersOf(QueueId queue);
}
