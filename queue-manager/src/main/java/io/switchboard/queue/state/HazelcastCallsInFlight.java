package io.switchboard.queue.state;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.PbxId;
import io.switchboard.queue.routing.CallsInFlight;
import io.switchboard.queue.routing.HeldCall;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * The inbound calls in flight in a Hazelcast IMap shared by every node, keyed by call id: the owner of a PBX sets
 * a call's entry at each of its steps and deletes it at its end, one async operation each, never awaited; the next
 * owner reads the PBX's calls once, when it takes the PBX over. Each entry lives at most {@link #LIFETIME}, so an
 * entry whose end was never written (its owner died as the call ended, and nobody owned the PBX since) goes away.
 * Survives a member's death through the map's backup (one synchronous backup by default).
 */
public final class HazelcastCallsInFlight implements CallsInFlight {

    /** The IMap of call id to the call's essentials. */
    public static final String MAP_NAME = "switchboard.calls";

    /** How long an entry lives after its last write: longer than any call. */
    static final Duration LIFETIME = Duration.ofHours(12);

    private static final Logger LOG = LoggerFactory.getLogger(HazelcastCallsInFlight.class);

    private final IMap<String, HeldCall> calls;
    private final Executor reads;

    /**
     * @param reads runs the one blocking read of a takeover (the map's values, filtered by PBX), never an event
     *              loop
     */
    public HazelcastCallsInFlight(HazelcastInstance hazelcast, Executor reads) {
        this.calls = Objects.requireNonNull(hazelcast, "hazelcast").getMap(MAP_NAME);
        this.reads = Objects.requireNonNull(reads, "reads");
    }

    @Override
    public CompletionStage<Void> keep(HeldCall call) {
        return calls.setAsync(call.call().value(), call, LIFETIME.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete(logged("keep", call.call()));
    }

    @Override
    public CompletionStage<Void> forget(CallId call) {
        return calls.deleteAsync(call.value()).thenApply(deleted -> (Void) null).whenComplete(logged("forget", call));
    }

    @Override
    public CompletionStage<List<HeldCall>> of(PbxId pbx) {
        return CompletableFuture.supplyAsync(() -> calls.values().stream()
                .filter(call -> call.pbx().equals(pbx)).toList(), reads);
    }

    private static <T> BiConsumer<T, Throwable> logged(String what, CallId call) {
        return (ok, failure) -> {
            if (failure != null) {
                LOG.warn("event=call-in-flight-write-failed callId={} op={} reason={}", call, what,
                        failure.toString());
            }
        };
    }
}
