package io.switchboard.queue.selection;

import io.switchboard.core.Require;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.QueueId;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Who was offered a task last in each queue, so {@code ROUND_ROBIN_MEMORY} starts after them. A value: a
 * decision returns the memory to keep, and the caller stores it (per queue, if it likes).
 *
 * @param lastOffered the agent offered last, per queue
 */
public record RoundRobinMemory(Map<QueueId, AgentId> lastOffered) {

    /** No queue has offered anything yet. */
    public static final RoundRobinMemory EMPTY = new RoundRobinMemory(Map.of());

    public RoundRobinMemory {
        lastOffered = Map.copyOf(Require.nonNull(lastOffered, "lastOffered"));
    }

    /** The agent {@code queue} offered a task to last. */
    public Optional<AgentId> lastOfferedIn(QueueId queue) {
        return Optional.ofNullable(lastOffered.get(queue));
    }

    /** This memory after {@code queue} offered a task to {@code agent}. */
    public RoundRobinMemory after(QueueId queue, AgentId agent) {
        if (agent.equals(lastOffered.get(queue))) {
            return this;
        }
        Map<QueueId, AgentId> next = new HashMap<>(lastOffered);
        next.put(queue, agent);
        return new RoundRobinMemory(next);
    }
}
