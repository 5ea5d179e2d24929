package io.switchboard.queue.routing;

import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.LegId;
import io.switchboard.queue.routing.RoutedCall.Offer;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One round of legs ringing for a call ({@link RingMany}): the legs ringing with their offers, the agents still to
 * be added (ring-progressively adds one every {@code stagger}), how many compare-and-sets are under way, and whether
 * the round is over. Mutable; touched only on the router's context.
 */
final class RingRound {

    final Map<LegId, Offer> ringing = new LinkedHashMap<>();
    final Deque<AgentId> toRing;
    final Duration stagger;
    int reserving;
    boolean over;

    RingRound(List<AgentId> agents, Duration stagger) {
        this.toRing = new ArrayDeque<>(agents);
        this.stagger = stagger;
    }
}
