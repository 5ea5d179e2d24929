package io.switchboard.queue.routing;

import io.switchboard.core.id.AgentId;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Callers who have arrived but are not yet among the waiting ones, because the router is still reading their
 * queue (after an API change, or the first call to it) or looking up their preferred agent; and the free agents
 * held back for them.
 *
 * <p>An agent who becomes free while an earlier caller is still arriving would otherwise take the best caller
 * already waiting, a later one, perhaps in another queue: cross-queue fairness would depend on which read
 * finished first. So the agent is held back until the earlier callers have arrived and had their own decision
 * (one read, a few milliseconds), then offered again. Touched only on the router's context.
 */
final class ArrivingCalls {

    private final Set<RoutedCall> arriving = new LinkedHashSet<>();
    private final Set<AgentId> heldBack = new LinkedHashSet<>();
    private final Predicate<RoutedCall> current;
    private final Consumer<AgentId> offer;

    /**
     * @param current whether a call is still the router's (not hung up or replaced)
     * @param offer   offers a held-back agent the fairest waiting caller again
     */
    ArrivingCalls(Predicate<RoutedCall> current, Consumer<AgentId> offer) {
        this.current = current;
        this.offer = offer;
    }

    /** {@code call} arrived and waits for its queue to be known before its first decision. */
    void arriving(RoutedCall call) {
        arriving.add(call);
    }

    /**
     * Whether {@code agent}, about to be offered {@code best}, must wait because a caller who arrived before it
     * is still arriving; if so the agent is kept and offered again once those callers have arrived.
     */
    boolean holdsBack(AgentId agent, RoutedCall best) {
        arriving.removeIf(call -> !current.test(call));
        boolean earlier = arriving.stream().anyMatch(call -> call.task.created().isBefore(best.task.created()));
        if (earlier) {
            heldBack.add(agent);
        }
        return earlier;
    }

    /** {@code call} had its first decision: the agents held back for it are offered again. */
    void arrived(RoutedCall call) {
        arriving.remove(call);
        release();
    }

    /** A caller left: when an arriving one is gone, the agents held back for it are offered again. */
    void left() {
        if (arriving.removeIf(call -> !current.test(call))) {
            release();
        }
    }

    private void release() {
        if (heldBack.isEmpty()) {
            return;
        }
        List<AgentId> again = List.copyOf(heldBack);
        heldBack.clear();
        again.forEach(offer);
    }
}
