package io.switchboard.queue.routing;

import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.PbxId;
import io.switchboard.core.id.QueueId;
import io.switchboard.core.port.AgentDirectory;
import io.switchboard.core.port.AgentStateStore;
import io.switchboard.queue.routing.AgentPicker.Candidate;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** The snapshot {@link AgentPicker} decides on: a queue's members with their stored statuses, read in parallel. */
final class Candidates {

    private final AgentDirectory agents;
    private final AgentStateStore states;
    private final AgentLines lines;

    Candidates(AgentDirectory agents, AgentStateStore states, AgentLines lines) {
        this.agents = agents;
        this.states = states;
        this.lines = lines;
    }

    /**
     * The members of {@code queue} who have a stored status, each with whether their line is open on {@code pbx};
     * members never seen count as logged out and are left out. Call on the router's context: the open
     * lines are copied at once, before any stage completes elsewhere.
     */
    CompletionStage<List<Candidate>> of(QueueId queue, PbxId pbx) {
        Set<AgentId> lineOpen = lines.openOn(pbx);
        return agents.membersOf(queue).thenCompose(members -> {
            List<CompletableFuture<Optional<Candidate>>> reads = members.stream()
                    .map(agent -> {
                        boolean open = lineOpen.contains(agent.id());
                        return states.read(agent.id())
                                .thenApply(status -> status.map(s -> new Candidate(agent, s, open)))
                                .toCompletableFuture();
                    })
                    .toList();
            return CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new))
                    .thenApply(all -> reads.stream().flatMap(read -> read.join().stream()).toList());
        });
    }
}
