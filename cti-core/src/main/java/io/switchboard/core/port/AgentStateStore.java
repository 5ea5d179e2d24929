package io.switchboard.core.port;

import io.switchboard.core.agent.AgentStatus;
import io.switchboard.core.id.AgentId;

import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Where agents' routing states live, shared by every Switchboard node. Writes
 * are compare-and-set on {@link AgentStatus#version()}, so two nodes can never
 * both reserve the same agent.
 */
public interface AgentStateStore {

    /** The agent's current status, or empty when none was ever stored (the agent counts as logged out). */
    CompletionStage<Optional<AgentStatus>> read(AgentId agent);

    /**
     * Stores {@code next} only if the stored status still has {@code expectedVersion};
     * an agent with no stored status counts as version 0 ({@link AgentStatus#initial}).
     *
     * @return {@link StatusUpdate.Stored} or, when the version moved on, {@link StatusUpdate.Conflict}
     */
    CompletionStage<StatusUpdate> compareAndSet(AgentId agent, long expectedVersion, AgentStatus next);
}
