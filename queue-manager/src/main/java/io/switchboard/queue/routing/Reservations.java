package io.switchboard.queue.routing;

import io.switchboard.core.agent.Agent;
import io.switchboard.core.agent.AgentState;
import io.switchboard.core.agent.AgentStatus;
import io.switchboard.core.agent.ReasonCode;
import io.switchboard.core.call.HangupCause;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.LegId;
import io.switchboard.core.lifecycle.Transition;
import io.switchboard.core.port.AgentStateStore;
import io.switchboard.core.port.CommandResult;
import io.switchboard.core.port.StatusUpdate;
import io.switchboard.core.routing.TaskStatus;
import io.switchboard.queue.routing.RoutedCall.Offer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;

import static io.switchboard.queue.routing.InboundCalls.between;

/**
 * From a selection to a ringing agent, and back when the agent misses: the reservation is a compare-and-set
 * of the agent's status against the version the router last saw (a conflict updates the router's copy and
 * selects again), then the call is joined to the agent's open line or their device is rung. A miss (no
 * answer, busy, refused) frees the agent for other tasks and keeps them from this one; after
 * {@link InboundRules#pauseAfterMisses} misses in a row the agent is paused with reason {@code no-answer}.
 * Touched only on the router's context.
 */
final class Reservations {

    private static final Logger LOG = LoggerFactory.getLogger(Reservations.class);

    private final InboundRouter router;
    private final InboundCalls calls;
    private final AgentBook book;
    private final AgentStateStore states;
    private final AgentOffers offers;
    private final AgentMoves moves;
    private final InboundRules rules;
    private final InstantSource clock;
    private final Executor context;
    private final Map<AgentId, Integer> misses = new HashMap<>();
    private final Map<AgentId, Integer> missesInARow = new HashMap<>();

    Reservations(InboundRouter router, InboundCalls calls, AgentBook book, AgentStateStore states, AgentOffers offers,
                 AgentMoves moves, InboundRules rules, InstantSource clock, Executor context) {
        this.router = router;
        this.calls = calls;
        this.book = book;
        this.states = states;
        this.offers = offers;
        this.moves = moves;
        this.rules = rules;
        this.clock = clock;
        this.context = context;
    }

    /** How many offers {@code agent} has missed since this router started. */
    int missesOf(AgentId agent) {
        return misses.getOrDefault(agent, 0);
    }

    /** The agent answered: their run of misses is over. */
    void answered(AgentId agent) {
        missesInARow.remove(agent);
    }

    /**
     * Reserves {@code agentId} for {@code call}: the task stops waiting, and the router's copy of the agent shows
     * them reserved at once, so no other selection picks them while the store answers.
     */
    void reserve(RoutedCall call, AgentId agentId) {
        Agent agent = book.agent(agentId).orElseThrow();
        AgentStatus seen = book.status(agentId).orElseThrow();
        Transition<AgentStatus> move = seen.moveTo(AgentState.RESERVED, clock.instant());
        if (move instanceof Transition.Illegal<AgentStatus>) {
            return;
        }
        AgentStatus reserved = move.orElseThrow();
        call.deciding = true;
        book.notWaiting(call.task.id());
        book.status(agentId, reserved);
        Stages.on(states.compareAndSet(agentId, seen.version(), reserved), context, update -> {
            call.deciding = false;
            if (update instanceof StatusUpdate.Conflict conflict) {
                LOG.debug("event=reservation-conflict taskId={} agentId={}", call.task.id(), agentId);
                AgentStatus stored = conflict.current().orElseGet(() -> AgentStatus.initial(clock.instant()));
                book.corrected(agentId, reserved, stored);
                router.decide(call);
                router.agentMayBeFree(agentId);
            } else if (!calls.isCurrent(call) || !call.isWaiting()) {
                moves.move(agentId, AgentState.AVAILABLE, () -> router.agentMayBeFree(agentId));
            } else {
                ring(call, agent);
            }
        }, failure -> {
            call.deciding = false;
            book.corrected(agentId, reserved, seen);
            router.keepWaiting(call);
        });
    }

    /**
     * Joins the call to the agent's open line on the call's PBX when there is one, else rings the device; a queued
     * callback whose customer has not answered yet calls the customer first ({@link QueuedCallbacks#dial}).
     */
    void ring(RoutedCall call, Agent agent) {
        if (router.callbacks().dial(call, agent)) {
            return;
        }
        AgentOffers.Sent sent = offers.send(call, call.onPbx(), agent);
        Offer offer = sent.offer();
        call.offer = Optional.of(offer);
        call.onHold = false;
        call.moveTo(TaskStatus.RESERVED);
        LOG.info("event=agent-reserved taskId={} callId={} agentId={} legId={} joined={}", call.task.id(),
                call.id(), agent.id(), offer.leg(), sent.joined());
        calls.write(new JournalEntry.AgentRung(call.id(), call.queue.id(), call.onPbxClock(offer.since()), agent.id(),
                offer.recorded(), sent.endpoint()));
        if (sent.command().isEmpty()) {
            LOG.warn("event=pbx-not-attached taskId={} pbx={}", call.task.id(), call.pbx);
            call.onHold = true;
            missed(call, offer.leg(), HangupCause.OTHER, call.onPbxClock(offer.since()));
            return;
        }
        Stages.on(sent.command().get(), context, result -> {
            if (result instanceof CommandResult.Failed failed) {
                LOG.warn("event=connect-refused taskId={} legId={} errorId={}", call.task.id(), offer.leg(),
                        failed.errorId());
                call.onHold = true;
                missed(call, offer.leg(), HangupCause.OTHER, call.onPbxClock(clock.instant()));
            }
        }, failure -> {
            call.onHold = true;
            missed(call, offer.leg(), HangupCause.OTHER, call.onPbxClock(clock.instant()));
        });
    }

    /**
     * The agent rung on {@code leg} did not take the call: they are freed (or auto-paused) and the call, back on
     * hold, goes to the next agent. {@code at} is on the PBX's clock (the queue_log row's time); how long the
     * agent rang is measured on the server's, which started the ring.
     */
    void missed(RoutedCall call, LegId leg, HangupCause cause, Instant at) {
        if (!call.isOffered(leg) || call.connectedAt.isPresent()) {
            return;
        }
        Offer offer = call.offer.orElseThrow();
        AgentId agent = offer.agent();
        call.offer = Optional.empty();
        call.moveTo(TaskStatus.PENDING);
        countMiss(call, offer, cause, at, () -> {
            router.agentMayBeFree(agent);
            router.decide(call);
        });
    }

    /**
     * The agent of {@code offer} did not take {@code call}: the miss is counted and journaled ({@code
     * RINGNOANSWER}), the agent is kept from this call and freed, or auto-paused after too many misses in a
     * row; then {@code next} runs. Also a miss of one leg among several ({@link RingMany}).
     */
    void countMiss(RoutedCall call, Offer offer, HangupCause cause, Instant at, Runnable next) {
        AgentId agent = offer.agent();
        call.tried.add(agent);
        misses.merge(agent, 1, Integer::sum);
        int inARow = missesInARow.merge(agent, 1, Integer::sum);
        LOG.info("event=agent-missed taskId={} agentId={} legId={} cause={} inARow={}", call.task.id(), agent,
                offer.leg(), cause, inARow);
        calls.write(new JournalEntry.AgentMissed(call.id(), call.queue.id(), at, agent, offer.recorded(),
                between(offer.since(), clock.instant()), cause));
        if (rules.pauseAfterMisses() > 0 && inARow >= rules.pauseAfterMisses()) {
            missesInARow.remove(agent);
            LOG.info("event=agent-auto-paused agentId={} reason={} misses={}", agent, ReasonCode.NO_ANSWER, inARow);
            moves.pause(agent, ReasonCode.NO_ANSWER, next);
        } else {
            moves.move(agent, AgentState.AVAILABLE, next);
        }
    }
}
