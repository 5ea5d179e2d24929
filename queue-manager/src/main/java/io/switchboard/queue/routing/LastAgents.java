package io.switchboard.queue.routing;

import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.id.AgentId;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Who last spoke to a caller, shared by every node, so a queue with {@code preferredAgent.lastAgent} can offer
 * the caller to that agent first. An implementation keeps a number only as a salted digest and forgets it once
 * its retention has passed. Neither method blocks; a failed stage means "nobody".
 */
public interface LastAgents {

    /** Remembers nobody. */
    LastAgents NONE = new LastAgents() {
        @Override
        public CompletionStage<Optional<AgentId>> lastAgentOf(PhoneNumber caller) {
            return CompletableFuture.completedFuture(Optional.empty());
        }

        @Override
        public CompletionStage<Void> spokeWith(PhoneNumber caller, AgentId agent) {
            return CompletableFuture.completedFuture(null);
        }
    };

    /** The agent who last spoke to {@code caller} within the retention, if any. */
    CompletionStage<Optional<AgentId>> lastAgentOf(PhoneNumber caller);

    /** Notes that {@code agent} is speaking to {@code caller} now; replaces any earlier agent. */
    CompletionStage<Void> spokeWith(PhoneNumber caller, AgentId agent);
}
