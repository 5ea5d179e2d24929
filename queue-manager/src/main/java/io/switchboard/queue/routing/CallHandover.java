package io.switchboard.queue.routing;

import io.switchboard.core.agent.AgentState;
import io.switchboard.core.event.PbxEvent;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.LegId;
import io.switchboard.core.id.PbxId;
import io.switchboard.core.routing.TaskStatus;
import io.switchboard.queue.selection.QueueSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A PBX's calls passing from one node to the next ({@code docs/routing.md}, "Failover"). The new owner takes the
 * calls the old one kept ({@link #takeOver}) before its connection starts: they are held as they were, not offered
 * again (the adapter's rebuilt announcement of a waiting caller finds the call known), and not decided until the
 * PBX's resync ({@link #took}) tells which legs are still up; then each gets its {@link Handover.Fate}. A node
 * that lost a PBX drops its calls ({@link #letGo}) without a word to the journal or the store. Touched only on
 * the router's context.
 */
final class CallHandover {

    private static final Logger LOG = LoggerFactory.getLogger(CallHandover.class);

    /** A call taken over, with every agent the old owner was ringing for it. */
    private record TakenOver(RoutedCall call, List<HeldCall.Offer> offers) {
    }

    private final InboundRouter router;
    private final InboundCalls calls;
    private final CallEndings endings;
    private final AgentBook book;
    private final AgentMoves moves;
    private final Map<PbxId, List<TakenOver>> awaitingResync = new HashMap<>();

    CallHandover(InboundRouter router, InboundCalls calls, CallEndings endings, AgentBook book, AgentMoves moves) {
        this.router = router;
        this.calls = calls;
        this.endings = endings;
        this.book = book;
        this.moves = moves;
    }

    /**
     * Holds {@code held}'s calls on {@code pbx} again, oldest first so that each keeps its place in its queue,
     * each as the old owner left it (waiting, ringing, talking) but none decided before the PBX's resync. A call
     * the router holds already is left as it is.
     */
    void takeOver(PbxId pbx, List<HeldCall> held) {
        List<TakenOver> taken = awaitingResync.computeIfAbsent(pbx, p -> new ArrayList<>());
        held.stream().filter(h -> h.pbx().equals(pbx) && !calls.contains(h.call()))
                .sorted(Comparator.comparing(HeldCall::created).thenComparing(HeldCall::originalPosition))
                .forEach(h -> {
                    RoutedCall call = h.routed();
                    if (!h.offers().isEmpty()) {
                        call.moveTo(TaskStatus.RESERVED);
                        call.onHold = false;
                    }
                    h.connectedAt().ifPresent(at -> call.moveTo(TaskStatus.ASSIGNED));
                    call.deciding = true; // held back from every decision until the resync
                    calls.restore(call);
                    taken.add(new TakenOver(call, h.offers()));
                    router.whenKnown(h.queue(), () -> call.queue = book.setup(h.queue()).map(QueueSetup::queue)
                            .orElse(call.queue));
                    LOG.info("event=call-taken-over taskId={} callId={} pbx={} queueId={} state={}", call.task.id(),
                            call.id(), pbx, h.queue(), call.task.status());
                });
    }

    /**
     * Whether {@code event} was the handover's: the resync of a PBX whose calls were taken over. Each call meets
     * its fate once its queue is known (its wrap-up, its members), in the order the calls were taken.
     */
    boolean took(PbxEvent event) {
        if (!(event instanceof PbxEvent.PbxResynced resynced)) {
            return false;
        }
        List<TakenOver> taken = awaitingResync.remove(resynced.pbx());
        if (taken != null) {
            taken.forEach(one -> router.whenKnown(one.call().queue.id(), () -> settle(one, resynced)));
        }
        return true;
    }

    private void settle(TakenOver one, PbxEvent.PbxResynced resynced) {
        RoutedCall call = one.call();
        if (!calls.isCurrent(call)) {
            return;
        }
        call.deciding = false;
        Handover.Fate fate = fateOf(one, resynced);
        LOG.info("event=call-handed-over taskId={} callId={} pbx={} fate={}", call.task.id(), call.id(), call.pbx,
                fate);
        switch (fate) {
            case WAITS -> router.decide(call);
            case RINGS, TALKS -> { }
            case ANSWERED -> answered(call, one.offers(), resynced);
            case RING_LOST -> {
                ringLost(call, one.offers());
                router.decide(call);
            }
            case ABANDONED -> {
                freeAllBut(call, one.offers());
                endings.abandoned(call, call.onPbxClock(router.now()));
            }
            case COMPLETED -> endings.completed(call, true, call.onPbxClock(router.now()));
            default -> throw new IllegalStateException("unknown fate " + fate);
        }
    }

    /**
     * This node lost {@code pbx}: its calls leave the router, their timers find them gone, and neither the
     * journal nor the store hears of it (the next owner carries them on).
     */
    void letGo(PbxId pbx) {
        awaitingResync.remove(pbx);
        List<RoutedCall> dropped = calls.all().stream().filter(call -> call.pbx.equals(pbx)).toList();
        for (RoutedCall call : dropped) {
            calls.drop(call);
            book.notWaiting(call.task.id());
            call.recheckAt = Optional.empty();
            call.round.ifPresent(round -> round.over = true);
        }
        LOG.info("event=calls-let-go pbx={} calls={}", pbx, dropped.size());
    }

    /** A ring-all round is not carried over: its calls are decided again, as after a lost ring. */
    private static Handover.Fate fateOf(TakenOver one, PbxEvent.PbxResynced resynced) {
        RoutedCall call = one.call();
        List<LegId> rung = one.offers().stream().map(HeldCall.Offer::leg).toList();
        Handover.Fate fate = Handover.fate(call.callerLeg, rung, call.connectedAt.isPresent(), resynced.liveLegs(),
                resynced.talkingLegs());
        return fate == Handover.Fate.RINGS && call.offer.isEmpty() ? Handover.Fate.RING_LOST : fate;
    }

    /**
     * The agent answered while nobody owned the PBX: the router records the connection as if it had just heard it
     * (CONNECT, agent on call), stamped with the resync's time, the first it could know it. The agent is the one
     * rung; of a ring-all round, the one whose leg the PBX lists talking (a join to a nailed-up session), else not
     * known: the call is then left as it is, its agents reserved until the caller hangs up.
     */
    private void answered(RoutedCall call, List<HeldCall.Offer> offers, PbxEvent.PbxResynced resynced) {
        Optional<HeldCall.Offer> answered = offers.size() == 1 ? Optional.of(offers.get(0))
                : offers.stream().filter(offer -> resynced.talkingLegs().contains(offer.leg())).findFirst();
        if (answered.isEmpty()) {
            LOG.warn("event=call-answered-agent-unknown taskId={} callId={} pbx={} rung={}", call.task.id(), call.id(),
                    call.pbx, offers.size());
            return;
        }
        HeldCall.Offer agent = answered.get();
        // a ring-all round is not carried over as one offer: the agent who answered is the call's offer now
        call.offer = Optional.of(new RoutedCall.Offer(agent.agent(), agent.leg(), agent.recorded(), agent.since()));
        freeAllBut(call, offers);
        router.onEvent(new PbxEvent.CallConnected(call.pbx, resynced.at(), call.id(), call.callerLeg, agent.leg()));
    }

    /** The ring was lost: every agent rung is freed, no miss counted, and the caller waits on hold again. */
    private void ringLost(RoutedCall call, List<HeldCall.Offer> offers) {
        call.offer = Optional.empty();
        call.moveTo(TaskStatus.PENDING);
        call.onHold = true;
        offers.forEach(offer -> free(offer.agent()));
    }

    /** Frees the agents of a ring-all round the router did not carry over (all but {@code call}'s offer). */
    private void freeAllBut(RoutedCall call, List<HeldCall.Offer> offers) {
        Optional<AgentId> kept = call.offer.map(RoutedCall.Offer::agent);
        offers.stream().map(HeldCall.Offer::agent).filter(agent -> kept.filter(agent::equals).isEmpty())
                .forEach(this::free);
    }

    private void free(AgentId agent) {
        moves.move(agent, AgentState.AVAILABLE, () -> router.agentMayBeFree(agent));
    }
}
