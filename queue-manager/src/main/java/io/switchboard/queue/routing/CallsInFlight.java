package io.switchboard.queue.routing;

import io.switchboard.core.id.CallId;
import io.switchboard.core.id.PbxId;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Where the owner of a PBX keeps its inbound calls in flight for whoever owns the PBX next (a Hazelcast map in a
 * cluster). Writes are off the decision's path: routing never waits for them; each call step reaches the store once
 * the journal has it ({@link InboundCalls}), so the store never runs ahead of the queue_log. A failed write is the
 * store's to log.
 */
public interface CallsInFlight {

    /** Keeps nothing and holds nothing: a router on its own. */
    CallsInFlight NONE = new CallsInFlight() {
        @Override
        public CompletionStage<Void> keep(HeldCall call) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletionStage<Void> forget(CallId call) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletionStage<List<HeldCall>> of(PbxId pbx) {
            return CompletableFuture.completedFuture(List.of());
        }
    };

    /** The call moved on (entered, rang an agent, was missed, connected): keep what it is now. Fails if not kept. */
    CompletionStage<Void> keep(HeldCall call);

    /** The call left the router (ended, transferred away, refused): nobody carries it on. Fails if not forgotten. */
    CompletionStage<Void> forget(CallId call);

    /** The calls kept for {@code pbx}, in no particular order. */
    CompletionStage<List<HeldCall>> of(PbxId pbx);
}
