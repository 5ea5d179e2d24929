package io.switchboard.queue.routing;

import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.LegId;
import io.switchboard.core.id.PbxId;
import io.switchboard.core.routing.Task;
import io.switchboard.core.routing.TaskQueue;
import io.switchboard.core.routing.TaskStatus;

import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * What the router knows about one inbound call it routes. Mutable, and touched only on the router's
 * context, never shared.
 */
final class RoutedCall {

    /** The agent leg Switchboard asked the PBX to ring, and for whom. */
    record Offer(AgentId agent, LegId leg, Instant since) {
    }

    final PbxId pbx;
    final LegId callerLeg;
    TaskQueue queue;
    final int originalPosition;
    final Set<AgentId> tried = new HashSet<>();
    /** The PBX's own ids for the offered agent leg, when its events name the leg differently from Switchboard. */
    final Set<LegId> offeredLegAliases = new HashSet<>();
    Task task;
    Optional<Offer> offer = Optional.empty();
    Optional<Instant> connectedAt = Optional.empty();
    boolean onHold = true;
    boolean deciding;
    int legs;

    RoutedCall(PbxId pbx, LegId callerLeg, TaskQueue queue, Task task, int originalPosition) {
        this.pbx = pbx;
        this.callerLeg = callerLeg;
        this.queue = queue;
        this.task = task;
        this.originalPosition = originalPosition;
    }

    boolean isWaiting() {
        return task.status() == TaskStatus.PENDING;
    }

    /** Moves the task, ignoring a move its lifecycle refuses (a late or repeated event). */
    void moveTo(TaskStatus next) {
        task.moveTo(next).map(moved -> task = moved);
    }

    boolean isOffered(LegId leg) {
        return offer.filter(o -> o.leg().equals(leg) || offeredLegAliases.contains(leg)).isPresent();
    }

    /**
     * Takes {@code leg} as the offered agent's leg when an agent is being rung and {@code leg} is not the
     * caller's: only one agent is rung at a time, so any other leg of the call is that agent's. Adapters that
     * report the PBX's own leg ids (Asterisk uniqueids) rather than the id Switchboard gave are matched so.
     */
    void noteLeg(LegId leg) {
        if (offer.isPresent() && connectedAt.isEmpty() && !leg.equals(callerLeg)) {
            offeredLegAliases.add(leg);
        }
    }

    void clearOffer() {
        offer = Optional.empty();
        offeredLegAliases.clear();
    }
}
