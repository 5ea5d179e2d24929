package io.switchboard.queue.state;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.switchboard.core.agent.AgentStatus;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.port.AgentStateStore;
import io.switchboard.core.port.StatusUpdate;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Agents' routing states in a Hazelcast IMap, shared by every Switchboard node.
 *
 * <p>A compare-and-set is one {@link CompareAndSet} entry processor sent to the
 * partition owner: the version check and the write cannot interleave with
 * another member's, so an agent is never reserved twice. The CP subsystem
 * (FencedLock) is Enterprise-only from Hazelcast 5.5 and is not needed.
 * Calls never block: they return the IMap's own async stages.
 */
public final class HazelcastAgentStateStore implements AgentStateStore {

    /** The IMap that holds one entry per agent, keyed by agent id. */
    public static final String MAP_NAME = "switchboard.agent-status";

    private final IMap<String, StoredStatus> statuses;

    public HazelcastAgentStateStore(HazelcastInstance hazelcast) {
        this.statuses = Objects.requireNonNull(hazelcast, "hazelcast").getMap(MAP_NAME);
    }

    @Override
    public CompletionStage<Optional<AgentStatus>> read(AgentId agent) {
        return statuses.getAsync(agent.value()).thenApply(stored -> Optional.ofNullable(stored).map(StoredStatus::toStatus));
    }

    @Override
    public CompletionStage<StatusUpdate> compareAndSet(AgentId agent, long expectedVersion, AgentStatus next) {
        Objects.requireNonNull(next, "next");
        return statuses.submitToKey(agent.value(), new CompareAndSet(expectedVersion, StoredStatus.of(next)))
                .thenApply(HazelcastAgentStateStore::toUpdate);
    }

    private static StatusUpdate toUpdate(CompareAndSet.Outcome outcome) {
        Optional<AgentStatus> current = Optional.ofNullable(outcome.current()).map(StoredStatus::toStatus);
        return outcome.stored()
                ? new StatusUpdate.Stored(current.orElseThrow())
                : new StatusUpdate.Conflict(current);
    }
}
