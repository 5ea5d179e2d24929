package io.switchboard.queue.routing;

import io.switchboard.core.agent.Agent;
import io.switchboard.core.agent.AgentState;
import io.switchboard.core.agent.AgentStatus;
import io.switchboard.core.call.HangupCause;
import io.switchboard.core.event.PbxEvent;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.LegId;
import io.switchboard.core.lifecycle.Transition;
import io.switchboard.core.port.AgentStateStore;
import io.switchboard.core.port.CommandResult;
import io.switchboard.core.port.StatusUpdate;
import io.switchboard.core.routing.TaskStatus;
import io.switchboard.queue.routing.RoutedCall.Offer;
import io.switchboard.queue.selection.Selection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;

import static io.switchboard.queue.routing.InboundCalls.between;

/**
 * Several agents ringing for one caller ({@code RING_ALL}, {@code RING_PROGRESSIVELY}), each on a leg of its
 * own while the caller stays on hold, as app_queue's {@code ring_entry} calls each member and mod_callcenter
 * originates each agent:
 * <ul>
 *   <li>each agent is reserved by its own compare-and-set when their leg is added; a conflict drops that agent
 *       only. Ring-all adds them all at once; ring-progressively adds the next one every {@code stagger} (one
 *       timer per step, void once the round is over), so agents not rung yet stay offerable to other
 *       callers;</li>
 *   <li>the first {@code CallConnected} wins: the other legs are cancelled ({@code RINGCANCELED}) and their
 *       agents are available again, with no miss;</li>
 *   <li>a leg that fails (no answer, busy, refused, or nothing heard of it {@link #LEG_GRACE} after its ring
 *       timeout) is a miss of that agent only; when the last leg is gone and nobody is left to add, the task
 *       waits again;</li>
 *   <li>the caller hanging up or being transferred away cancels every leg still ringing.</li>
 * </ul>
 * Used only when the call's PBX rings several legs ({@code CallControl.ringsSeveralLegs}); otherwise the router
 * rings one agent at a time. Touched only on the router's context.
 */
final class RingMany {

    private static final Logger LOG = LoggerFactory.getLogger(RingMany.class);

    /**
     * How long after its ring timeout a leg the PBX said nothing more about is given up (a miss, and cancelled):
     * an originate that failed before the PBX made a channel, or an event lost, must not hold the round.
     */
    static final Duration LEG_GRACE = Duration.ofSeconds(5);

    private final InboundRouter router;
    private final InboundCalls calls;
    private final AgentBook book;
    private final AgentStateStore states;
    private final AgentOffers offers;
    private final AgentMoves moves;
    private final Reservations reservations;
    private final RoutingTimers timers;
    private final InstantSource clock;
    private final Executor context;

    RingMany(InboundRouter router, InboundCalls calls, AgentBook book, AgentStateStore states, AgentOffers offers,
             AgentMoves moves, Reservations reservations, RoutingTimers timers, InstantSource clock,
             Executor context) {
        this.router = router;
        this.calls = calls;
        this.book = book;
        this.states = states;
        this.offers = offers;
        this.moves = moves;
        this.reservations = reservations;
        this.timers = timers;
        this.clock = clock;
        this.context = context;
    }

    /**
     * Starts ringing {@code offer}'s agents for {@code call}, or answers false when one agent at a time must do
     * (a single agent, a PBX that rings one leg per call, a first agent with an open line). An agent with an
     * open line (nailed-up) answers at once, as app_queue's {@code Agent/} member does: ring-all joins the first
     * of them alone instead of ringing anyone; ring-progressively joins them when their step comes.
     */
    boolean start(RoutedCall call, Selection.Offer offer) {
        if (offer.agents().size() < 2 || !offers.canRingSeveral(call, offer.agents().get(0))) {
            return false;
        }
        if (offer.stagger().isZero()) {
            Optional<AgentId> nailed = offer.agents().stream()
                    .filter(agent -> offers.hasLine(call, agent) && book.isOfferable(agent)).findFirst();
            if (nailed.isPresent()) {
                reservations.reserve(call, nailed.get());
                return true;
            }
        }
        RingRound round = new RingRound(offer.agents(), offer.stagger());
        call.round = Optional.of(round);
        call.deciding = true;
        book.notWaiting(call.task.id());
        LOG.debug("event=ring-round-started taskId={} agents={} stagger={}", call.task.id(), round.toRing.size(),
                round.stagger);
        if (round.stagger.isZero()) {
            while (!round.toRing.isEmpty()) {
                reserve(call, round, round.toRing.poll());
            }
        } else {
            addNext(call, round);
        }
        settle(call, round);
        return true;
    }

    /**
     * Takes the events about a round's legs. Answers true when the event is fully handled here; false when the
     * router must still handle it (the winner's connect, the caller's hang-up or transfer).
     */
    boolean took(PbxEvent event) {
        if (event instanceof PbxEvent.CallConnected e) {
            roundOf(calls.get(e.call())).filter(r -> r.ringing.containsKey(e.agentLeg()))
                    .ifPresent(r -> won(calls.get(e.call()), r, e.agentLeg(), e.at()));
        } else if (event instanceof PbxEvent.LegHungUp e) {
            RoutedCall call = calls.get(e.call());
            Optional<RingRound> round = roundOf(call);
            if (round.isPresent() && round.get().ringing.containsKey(e.leg())) {
                legFailed(call, round.get(), round.get().ringing.get(e.leg()), e.cause(), e.at());
                return true;
            }
            if (round.isPresent() && e.leg().equals(call.callerLeg)) {
                stop(call, round.get(), e.at());
            }
        } else if (event instanceof PbxEvent.CallTransferred e) {
            RoutedCall call = calls.get(e.call());
            roundOf(call).filter(r -> e.leg().equals(call.callerLeg)).ifPresent(r -> stop(call, r, e.at()));
        } else if (event instanceof PbxEvent.CallReturnedToHold e) {
            // the caller never left hold: each leg's end comes as its own LegHungUp
            return roundOf(calls.get(e.call())).isPresent();
        }
        return false;
    }

    private static Optional<RingRound> roundOf(RoutedCall call) {
        return call == null ? Optional.empty() : call.round;
    }

    /**
     * Ring-progressively's next step: reserves the next agent still offerable, then sets the next step's timer. A
     * next agent with an open line ends the round instead: the legs ringing are cancelled (no miss) and the call
     * is joined to that agent, who answers at once.
     */
    private void addNext(RoutedCall call, RingRound round) {
        boolean added = false;
        while (!added && !round.toRing.isEmpty()) {
            AgentId next = round.toRing.poll();
            if (offers.hasLine(call, next) && book.isOfferable(next)) {
                joinNailed(call, round, next);
                return;
            }
            added = reserve(call, round, next);
        }
        if (!round.toRing.isEmpty()) {
            timers.schedule(round.stagger, () -> {
                if (!round.over) {
                    addNext(call, round);
                    settle(call, round);
                }
            });
        }
    }

    /**
     * Reserves {@code agentId} for the round by compare-and-set against the version the book holds; false when
     * the book already shows them unofferable (taken by another caller since the selection).
     */
    private boolean reserve(RoutedCall call, RingRound round, AgentId agentId) {
        Optional<Agent> agent = book.agent(agentId);
        Optional<AgentStatus> seen = book.status(agentId);
        if (agent.isEmpty() || seen.isEmpty() || !book.isOfferable(agentId)) {
            return false;
        }
        Transition<AgentStatus> move = seen.get().moveTo(AgentState.RESERVED, clock.instant());
        if (move instanceof Transition.Illegal<AgentStatus>) {
            return false;
        }
        AgentStatus reserved = move.orElseThrow();
        book.status(agentId, reserved);
        round.reserving++;
        Stages.on(states.compareAndSet(agentId, seen.get().version(), reserved), context, update -> {
            round.reserving--;
            if (update instanceof StatusUpdate.Conflict conflict) {
                LOG.debug("event=reservation-conflict taskId={} agentId={}", call.task.id(), agentId);
                book.status(agentId, conflict.current().orElseGet(() -> AgentStatus.initial(clock.instant())));
                router.agentMayBeFree(agentId);
                settle(call, round);
            } else if (round.over || !calls.isCurrent(call)) {
                free(agentId);
            } else {
                ring(call, round, agent.get());
            }
        }, failure -> {
            round.reserving--;
            book.status(agentId, seen.get());
            settle(call, round);
        });
        return true;
    }

    private void ring(RoutedCall call, RingRound round, Agent agent) {
        AgentOffers.Sent sent = offers.ringLeg(call, agent);
        Offer offer = sent.offer();
        round.ringing.put(offer.leg(), offer);
        call.moveTo(TaskStatus.RESERVED);
        LOG.info("event=agent-reserved taskId={} callId={} agentId={} legId={} ringing={}", call.task.id(),
                call.id(), agent.id(), offer.leg(), round.ringing.size());
        calls.write(new JournalEntry.AgentRung(call.id(), call.queue.id(), call.onPbxClock(offer.since()), agent.id(),
                offer.recorded(), sent.endpoint()));
        if (sent.command().isEmpty()) {
            LOG.warn("event=pbx-not-attached taskId={} pbx={}", call.task.id(), call.pbx);
            legFailed(call, round, offer, HangupCause.OTHER, offer.since());
            return;
        }
        Stages.on(sent.command().get(), context, result -> {
            if (result instanceof CommandResult.Failed failed) {
                LOG.warn("event=ring-refused taskId={} legId={} errorId={}", call.task.id(), offer.leg(),
                        failed.errorId());
                legFailed(call, round, offer, HangupCause.OTHER, call.onPbxClock(clock.instant()));
            }
        }, failure -> legFailed(call, round, offer, HangupCause.OTHER, call.onPbxClock(clock.instant())));
        timers.schedule(call.queue.reservationTimeout().plus(LEG_GRACE), () -> {
            if (!round.over && round.ringing.containsKey(offer.leg())) {
                LOG.warn("event=ring-leg-silent taskId={} legId={}", call.task.id(), offer.leg());
                offers.cancel(call, offer.leg());
                legFailed(call, round, offer, HangupCause.NO_ANSWER, call.onPbxClock(clock.instant()));
            }
        });
    }

    /** One leg failed: a miss of its agent only; the round goes on with the others, or ends. */
    private void legFailed(RoutedCall call, RingRound round, Offer offer, HangupCause cause, Instant at) {
        if (round.over || round.ringing.remove(offer.leg()) == null) {
            return;
        }
        reservations.countMiss(call, offer, cause, at, () -> router.agentMayBeFree(offer.agent()));
        if (round.ringing.isEmpty() && round.reserving == 0 && !round.toRing.isEmpty() && !round.stagger.isZero()) {
            addNext(call, round); // nobody rings any more: the next agent need not wait for their step
        }
        settle(call, round);
    }

    /** Ends the round when nobody rings, nobody is being reserved and nobody is left to add: the task waits again. */
    private void settle(RoutedCall call, RingRound round) {
        if (round.over || !round.ringing.isEmpty() || round.reserving > 0 || !round.toRing.isEmpty()) {
            return;
        }
        end(call, round);
        call.moveTo(TaskStatus.PENDING);
        LOG.debug("event=ring-round-ended taskId={} answered=false", call.task.id());
        router.decide(call);
    }

    /** The round gives way to a join of {@code agent}'s open line: whoever still rings is cancelled, no miss. */
    private void joinNailed(RoutedCall call, RingRound round, AgentId agent) {
        LOG.debug("event=ring-round-joins-line taskId={} agentId={}", call.task.id(), agent);
        end(call, round);
        cancelRinging(call, round, call.onPbxClock(clock.instant()));
        call.moveTo(TaskStatus.PENDING);
        reservations.reserve(call, agent);
    }

    /** The agent on {@code leg} answered first: their offer is the call's, the other legs are cancelled. */
    private void won(RoutedCall call, RingRound round, LegId leg, Instant at) {
        call.offer = Optional.of(round.ringing.remove(leg));
        end(call, round);
        cancelRinging(call, round, at);
    }

    /** The caller is gone (hung up, transferred away): every leg still ringing is cancelled. */
    private void stop(RoutedCall call, RingRound round, Instant at) {
        end(call, round);
        cancelRinging(call, round, at);
    }

    private static void end(RoutedCall call, RingRound round) {
        round.over = true;
        round.toRing.clear();
        call.round = Optional.empty();
        call.deciding = false;
    }

    private void cancelRinging(RoutedCall call, RingRound round, Instant at) {
        for (Offer offer : round.ringing.values()) {
            LOG.info("event=ring-canceled taskId={} agentId={} legId={}", call.task.id(), offer.agent(), offer.leg());
            offers.cancel(call, offer.leg());
            calls.write(new JournalEntry.RingCanceled(call.id(), call.queue.id(), at, offer.agent(),
                    offer.recorded(), between(offer.since(), clock.instant())));
            free(offer.agent());
        }
        round.ringing.clear();
    }

    private void free(AgentId agent) {
        moves.move(agent, AgentState.AVAILABLE, () -> router.agentMayBeFree(agent));
    }
}
