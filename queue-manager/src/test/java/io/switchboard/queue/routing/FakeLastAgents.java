package io.switchboard.queue.routing;

import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.id.AgentId;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Last agents in a map, answering at once unless a test holds the reads back or makes them fail. */
final class FakeLastAgents implements LastAgents {

    final Map<PhoneNumber, AgentId> spokeWith = new HashMap<>();
    final List<CompletableFuture<Optional<AgentId>>> heldReads = new ArrayList<>();
    int reads;
    private boolean hold;
    private boolean fail;

    /** The caller last spoke to {@code agent}. */
    FakeLastAgents remember(String caller, String agent) {
        spokeWith.put(PhoneNumber.parse(caller, "caller"), AgentId.of(agent));
        return this;
    }

    /** Reads do not complete until the test completes them through {@link #heldReads}. */
    void holdReads() {
        hold = true;
    }

    /** Reads fail, as a store that is down. */
    void failReads() {
        fail = true;
    }

    @Override
    public CompletionStage<Optional<AgentId>> lastAgentOf(PhoneNumber caller) {
        reads++;
        if (fail) {
            return CompletableFuture.failedFuture(new IllegalStateException("store down"));
        }
        if (hold) {
            CompletableFuture<Optional<AgentId>> held = new CompletableFuture<>();
            heldReads.add(held);
            return held;
        }
        return CompletableFuture.completedFuture(Optional.ofNullable(spokeWith.get(caller)));
    }

    @Override
    public CompletionStage<Void> spokeWith(PhoneNumber caller, AgentId agent) {
        spokeWith.put(caller, agent);
        return CompletableFuture.completedFuture(null);
    }
}
