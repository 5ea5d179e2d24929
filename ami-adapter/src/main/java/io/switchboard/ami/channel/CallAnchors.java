package io.switchboard.ami.channel;

import io.switchboard.core.id.CallId;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/** Which channel (by Uniqueid) stands for each call, and which channels announced an inbound call. */
final class CallAnchors {

    private final Map<CallId, String> anchorByCall = new ConcurrentHashMap<>();
    private final Set<String> announced = ConcurrentHashMap.newKeySet();

    Optional<String> of(CallId call) {
        return Optional.ofNullable(anchorByCall.get(call));
    }

    /** A channel that started a call of its own stands for it, unless another already does. */
    void anchorIfAbsent(CallId call, String uniqueid) {
        anchorByCall.putIfAbsent(call, uniqueid);
    }

    /** The channel announced {@code call}: it stands for it from now on. */
    void announce(CallId call, String uniqueid) {
        anchorByCall.put(call, uniqueid);
        announced.add(uniqueid);
    }

    boolean announced(String uniqueid) {
        return announced.contains(uniqueid);
    }

    /** The channel is gone. */
    void forget(String uniqueid) {
        anchorByCall.values().remove(uniqueid);
        announced.remove(uniqueid);
    }

    /** Keeps only the channels still {@code live}. */
    void retain(Predicate<String> live) {
        anchorByCall.values().removeIf(uniqueid -> !live.test(uniqueid));
        announced.removeIf(uniqueid -> !live.test(uniqueid));
    }

    void clear() {
        anchorByCall.clear();
        announced.clear();
    }
}
