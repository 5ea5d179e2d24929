package io.switchboard.queue.routing;

import io.switchboard.core.id.QueueId;
import io.switchboard.queue.selection.QueueSetup;

import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

import static io.switchboard.queue.routing.InboundCalls.between;

/**
 * Since when each queue with a leave-when-empty policy has been empty under it, so that its callers leave only
 * once it has been so for the queue's {@link io.switchboard.queue.selection.EmptyQueueGrace} (mod_callcenter's
 * {@code max-wait-time-with-no-agent}). A spell starts when the router first sees the queue empty (a member's
 * change, a caller's admission) and ends when a member counts again; one timer per spell ends its grace, so
 * nothing is polled. Touched only on the router's context.
 */
final class EmptyQueues {

    /** One stretch of time a queue was empty; a timer belongs to the spell it was set for. */
    private record Spell(Instant since) {
    }

    private final AgentBook book;
    private final RoutingTimers timers;
    private final InstantSource clock;
    private final Map<QueueId, Spell> spells = new HashMap<>();

    EmptyQueues(AgentBook book, RoutingTimers timers, InstantSource clock) {
        this.book = book;
        this.timers = timers;
        this.clock = clock;
    }

    /**
     * Whether the callers waiting in {@code setup}'s queue must leave now: the queue is empty under its leave
     * policy and has been for its whole grace. While the grace runs, {@code graceOver} gets the queue once it is
     * over, if the same spell still lasts then.
     */
    boolean mustLeave(QueueSetup setup, Consumer<QueueId> graceOver) {
        QueueId queue = setup.queue().id();
        if (!setup.rules().mustLeave(setup.queue(), book.members(queue))) {
            spells.remove(queue);
            return false;
        }
        Instant now = clock.instant();
        Spell spell = spells.get(queue);
        if (spell == null) {
            Spell started = new Spell(now);
            spell = started;
            spells.put(queue, started);
            if (!setup.emptyGrace().isOver(now, now)) {
                timers.schedule(between(now, setup.emptyGrace().leaveAt(now)), () -> {
                    if (spells.get(queue) == started) {
                        graceOver.accept(queue);
                    }
                });
            }
        }
        return setup.emptyGrace().isOver(spell.since(), now);
    }

    /** How many queues are in an empty spell, for tests: a queue with a member back must not stay. */
    int spells() {
        return spells.size();
    }
}
