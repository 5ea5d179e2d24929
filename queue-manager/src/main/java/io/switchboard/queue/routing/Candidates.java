package io.switchboard.queue.routing;

import io.switchboard.core.id.QueueId;
import io.switchboard.core.port.AgentDirectory;
import io.switchboard.core.port.AgentStateStore;
import io.switchboard.queue.routing.AgentPicker.Candidate;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** The snapshot {@link AgentPicker} decides on: a queue's members with their stored statuses, read in parallel. */
final class Candidates {

    private final AgentDirectory agents;
    private final AgentStateStore states;

    Candidates(AgentDirectory agents, AgentStateStore states) {
        this.agents = agents;
        this.states = states;
    }

    /** The members of {@code queue} who have a stored status; members never seen count as logged out and are left out. */
    CompletionStage<List<Candidate>> of(QueueId queue) {
        return agents.membersOf(queue).thenCompose(members -> {
            List<CompletableFuture<Optional<Candidate>>> reads = members.stream()
                    .map(agent -> states.read(agent.id())
                            .thenApply(status -> status.map(s -> new Candidate(agent, s))).toCompletableFuture())
                    .toList();
            return CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new))
                    .thenApply(all -> reads.stream().flatMap(read -> read.join().stream()).toList());
        });
    }
}
