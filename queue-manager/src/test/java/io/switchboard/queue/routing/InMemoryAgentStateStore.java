package io.switchboard.queue.routing;

import io.switchboard.core.agent.AgentState;
import io.switchboard.core.agent.AgentStatus;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.port.AgentStateStore;
import io.switchboard.core.port.StatusUpdate;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** An {@link AgentStateStore} in a map, with the same version check as the Hazelcast one. */
final class InMemoryAgentStateStore implements AgentStateStore {

    private final Map<AgentId, AgentStatus> statuses = new HashMap<>();
    private Runnable beforeNextWrite = () -> { };

    @Override
    public CompletionStage<Optional<AgentStatus>> read(AgentId agent) {
        return CompletableFuture.completedFuture(Optional.ofNullable(statuses.get(agent)));
    }

    @Override
    public CompletionStage<StatusUpdate> compareAndSet(AgentId agent, long expectedVersion, AgentStatus next) {
        Runnable race = beforeNextWrite;
        beforeNextWrite = () -> { };
        race.run();
        AgentStatus current = statuses.get(agent);
        long version = current == null ? 0 : current.version();
        if (version != expectedVersion) {
            return CompletableFuture.completedFuture(new StatusUpdate.Conflict(Optional.ofNullable(current)));
        }
        statuses.put(agent, next);
        return CompletableFuture.completedFuture(new StatusUpdate.Stored(next));
    }

    /** Sets a status as another node would, bumping the version. */
    void put(String agent, AgentState state, Instant since) {
        AgentStatus current = statuses.get(AgentId.of(agent));
        long version = current == null ? 1 : current.version() + 1;
        statuses.put(AgentId.of(agent), new AgentStatus(state, Optional.empty(), since, version));
    }

    /** Lets another node move the agent just before the router's next compare-and-set. */
    void raceBeforeNextWrite(Runnable otherNode) {
        this.beforeNextWrite = otherNode;
    }

    /** The agent's stored status; the agent must have one. */
    AgentStatus statusOf(String agent) {
        return statuses.get(AgentId.of(agent));
    }

    AgentState stateOf(String agent) {
        return Optional.ofNullable(statuses.get(AgentId.of(agent))).map(AgentStatus::state).orElse(AgentState.LOGGED_OUT);
    }
}
