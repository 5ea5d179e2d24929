package io.switchboard.queue.routing;

import io.switchboard.core.agent.Agent;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.QueueId;
import io.switchboard.core.port.AgentDirectory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The agent directory of the routing tests: agents in a map, every answer already complete, unless lookups of
 * one agent are {@linkplain #holdFinds held} as a slow database would hold them.
 */
final class MapAgentDirectory implements AgentDirectory {

    private final Map<AgentId, Agent> agents = new HashMap<>();
    private final List<Runnable> heldFinds = new ArrayList<>();
    private boolean holdingFinds;

    /** From now on {@link #find} answers only when {@link #answerFinds} is called. */
    void holdFinds() {
        holdingFinds = true;
    }

    /** Answers every held {@link #find}, in the order they were asked, and stops holding. */
    void answerFinds() {
        holdingFinds = false;
        List<Runnable> due = List.copyOf(heldFinds);
        heldFinds.clear();
        due.forEach(Runnable::run);
    }
    /** How many times a queue's members were read. */
    int membersReads;

    void put(Agent agent) {
        agents.put(agent.id(), agent);
    }

    @Override
    public CompletionStage<Optional<Agent>> find(AgentId id) {
        if (holdingFinds) {
            CompletableFuture<Optional<Agent>> later = new CompletableFuture<>();
            heldFinds.add(() -> later.complete(Optional.ofNullable(agents.get(id))));
            return later;
        }
        return CompletableFuture.completedFuture(Optional.ofNullable(agents.get(id)));
    }

    @Override
    public CompletionStage<List<Agent>> membersOf(QueueId queue) {
        membersReads++;
        return CompletableFuture.completedFuture(agents.values().stream().filter(a -> a.isMemberOf(queue)).toList());
    }
}
