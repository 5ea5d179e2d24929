package io.switchboard.queue.routing;

import io.switchboard.core.id.CallId;
import io.switchboard.core.id.PbxId;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** {@link CallsInFlight} in a map, counting the writes, as the cluster's map would hold the calls. */
final class MapCallsInFlight implements CallsInFlight {

    final Map<CallId, HeldCall> held = new LinkedHashMap<>();
    int writes;

    @Override
    public CompletionStage<Void> keep(HeldCall call) {
        writes++;
        held.put(call.call(), call);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Void> forget(CallId call) {
        writes++;
        held.remove(call);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<List<HeldCall>> of(PbxId pbx) {
        return CompletableFuture.completedFuture(held.values().stream().filter(c -> c.pbx().equals(pbx)).toList());
    }

    /** What the store holds for {@code pbx} now. */
    List<HeldCall> now(PbxId pbx) {
        return of(pbx).toCompletableFuture().join();
    }
}
