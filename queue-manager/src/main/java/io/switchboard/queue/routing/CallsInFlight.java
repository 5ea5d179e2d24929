package io.switchboard.queue.routing;

import io.switchboard.core.id.CallId;
import io.switchboard.core.id.PbxId;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Where the owner of a PBX keeps its inbound calls in flight for whoever owns the PBX next (a Hazelcast map in a
 * cluster). Writes are fire-and-forget, off the decision's path: a failed write is the store's to log, never
 * routing's to wait for.
 */
public interface CallsInFlight {

    /** Keeps nothing and holds nothing: a router on its own. */
    CallsInFlight NONE = new CallsInFlight() {
        @Override
        public void keep(HeldCall call) {
        }

        @Override
        public void forget(CallId call) {
        }

        @Override
        public CompletionStage<List<HeldCall>> of(PbxId pbx) {
            return CompletableFuture.completedFuture(List.of());
        }
    };

    /** The call moved on (entered, rang an agent, was missed, connected): keep what it is now. */
    void keep(HeldCall call);

    /** The call left the router (ended, transferred away, refused): nobody carries it on. */
    void forget(CallId call);

    /** The calls kept for {@code pbx}, in no particular order. */
    CompletionStage<List<HeldCall>> of(PbxId pbx);
}
