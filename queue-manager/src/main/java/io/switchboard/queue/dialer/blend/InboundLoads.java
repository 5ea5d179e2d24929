package io.switchboard.queue.dialer.blend;

import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.QueueId;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** The live load of inbound queues, as blending needs it (implemented over the live KPIs). */
public interface InboundLoads {

    /** No inbound figures: nothing is kept on inbound, every blended agent may be lent. */
    InboundLoads NONE = (queues, blended) -> CompletableFuture.completedFuture(List.of());

    /**
     * The load of each of {@code queues} now.
     *
     * @param blended the blended agents, who are not counted among a queue's inbound-only agents
     */
    CompletionStage<List<InboundLoad>> of(Set<QueueId> queues, Set<AgentId> blended);
}
