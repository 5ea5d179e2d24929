package io.switchboard.queue.routing;

import io.switchboard.core.agent.AgentState;
import io.switchboard.core.call.HangupCause;
import io.switchboard.core.call.HoldReason;
import io.switchboard.core.event.PbxEvent;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.TaskId;
import io.switchboard.core.routing.Task;
import io.switchboard.core.routing.TaskStatus;
import io.switchboard.queue.routing.RoutedCall.Offer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static io.switchboard.queue.routing.InboundCalls.between;

/**
 * How an inbound call leaves the router or its agent: a miss (the agent leg hung up or the caller came back to
 * hold), the caller's hang-up (abandoned while waiting, completed after talking), the agent's hang-up first, a
 * blind transfer, a nailed-up agent leaving mid-call. The agent who talked always goes through the queue's
 * wrap-up before they can be offered anything again, whoever ended the call. Touched only on the router's
 * context.
 */
final class CallEndings {

    private static final Logger LOG = LoggerFactory.getLogger(CallEndings.class);

    private final InboundRouter router;
    private final InboundCalls calls;
    private final Reservations reservations;
    private final AgentBook book;
    private final AgentStats stats;
    private final AgentMoves moves;
    private final RoutingTimers timers;

    CallEndings(InboundRouter router, InboundCalls calls, Reservations reservations, AgentBook book,
                AgentStats stats, AgentMoves moves, RoutingTimers timers) {
        this.router = router;
        this.calls = calls;
        this.reservations = reservations;
        this.book = book;
        this.stats = stats;
        this.moves = moves;
        this.timers = timers;
    }

    void hungUp(PbxEvent.LegHungUp e) {
        RoutedCall call = calls.get(e.call());
        if (call == null) {
            return;
        }
        if (call.isOffered(e.leg()) && call.connectedAt.isEmpty()) {
            reservations.missed(call, e.leg(), e.cause(), e.at());
        } else if (e.leg().equals(call.callerLeg)) {
            if (call.connectedAt.isPresent()) {
                completed(call, call.agentGoneAt.isEmpty(), call.agentGoneAt.orElse(e.at()));
            } else {
                abandoned(call, e.at());
            }
        } else if (call.isOffered(e.leg()) && call.agentGoneAt.isEmpty()) {
            agentHungUp(call, e.at());
        }
    }

    /**
     * The connected agent hung up first: the agent's wrap-up starts now, but the record waits up to
     * {@link InboundRouter#TRANSFER_GRACE} for the caller's hang-up or a transfer, whichever tells how the call
     * ended.
     */
    private void agentHungUp(RoutedCall call, Instant at) {
        call.agentGoneAt = Optional.of(at);
        wrapUp(call, at);
        timers.schedule(InboundRouter.TRANSFER_GRACE, () -> {
            if (calls.isCurrent(call)) {
                completed(call, false, at);
            }
        });
    }

    /**
     * The caller was blind-transferred away ({@code BLINDTRANSFER}): the call leaves the queue. An agent who
     * talked to the caller goes to wrap-up, as after app_queue's transfer; a caller still waiting frees the
     * agent being offered the call, if any. A transfer of another leg of the call is not the caller's.
     */
    void transferred(PbxEvent.CallTransferred e) {
        RoutedCall call = calls.get(e.call());
        if (call == null || !e.leg().equals(call.callerLeg)) {
            return;
        }
        calls.remove(call);
        book.notWaiting(call.task.id());
        Optional<Offer> talkedTo = call.connectedAt.isPresent() ? call.offer : Optional.empty();
        Instant answered = call.connectedAt.orElse(e.at());
        LOG.info("event=task-transferred taskId={} callId={} agentId={} target={}", call.task.id(), call.id(),
                talkedTo.map(Offer::agent).orElse(null), e.target());
        calls.write(new JournalEntry.Transferred(call.id(), call.queue.id(), e.at(), talkedTo.map(Offer::agent),
                call.callerLeg, talkedTo.map(Offer::recorded), e.target(), between(call.enteredAt, answered),
                between(answered, call.agentGoneAt.orElse(e.at())), call.originalPosition));
        if (talkedTo.isEmpty()) {
            call.moveTo(TaskStatus.CANCELED);
            call.offer.ifPresent(offer -> free(offer.agent()));
        } else if (call.agentGoneAt.isEmpty()) {
            wrapUp(call, e.at());
        }
    }

    void returnedToHold(PbxEvent.CallReturnedToHold e) {
        RoutedCall call = calls.get(e.call());
        if (call != null && call.connectedAt.isPresent() && e.reason() == HoldReason.AGENT_LEFT) {
            agentLeft(call, e.at());
            return;
        }
        if (call == null || call.connectedAt.isPresent()) {
            return;
        }
        call.onHold = true;
        call.offer.map(Offer::leg).ifPresent(leg -> reservations.missed(call, leg, causeOf(e.reason()), e.at()));
        router.decide(call);
    }

    /**
     * A nailed-up agent's line ended mid-call and the glue put the caller back on hold: the conversation is
     * over for the agent (wrap-up), and the caller waits for the next agent as a new task of the same call.
     */
    private void agentLeft(RoutedCall call, Instant at) {
        completed(call, false, at);
        Task task = Task.inboundCall(TaskId.of("task-" + call.id().value() + "-" + (call.legs + 1)), call.id(),
                call.task.customer(), call.queue.id(), 0, router.now(), Map.of());
        RoutedCall again = new RoutedCall(call.pbx, call.callerLeg, call.queue, task,
                calls.waitingIn(call.queue.id()) + 1);
        again.legs = call.legs;
        again.callback = call.callback;
        again.enteredAt = at;
        again.pbxAhead = call.pbxAhead;
        calls.put(again);
        LOG.info("event=task-requeued taskId={} callId={} reason=AGENT_LEFT", task.id(), call.id());
        calls.write(new JournalEntry.Requeued(call.id(), call.queue.id(), at, call.callerLeg, call.task.customer(),
                again.originalPosition));
        router.requeued(call, again);
    }

    /** The caller hung up before an agent answered: recorded abandoned at {@code at}, the agent rung freed. */
    void abandoned(RoutedCall call, Instant at) {
        int position = calls.position(call);
        calls.remove(call);
        book.notWaiting(call.task.id());
        call.moveTo(TaskStatus.CANCELED);
        LOG.info("event=task-canceled taskId={} callId={} reason=CALLER_ABANDONED", call.task.id(), call.id());
        calls.write(new JournalEntry.Abandoned(call.id(), call.queue.id(), at, call.callerLeg, position,
                call.originalPosition, between(call.enteredAt, at)));
        call.offer.ifPresent(offer -> free(offer.agent()));
    }

    /** The conversation ended at {@code at}: recorded completed, the agent to wrap-up unless gone already. */
    void completed(RoutedCall call, boolean callerHungUp, Instant at) {
        calls.remove(call);
        Offer offer = call.offer.orElseThrow();
        Instant answered = call.connectedAt.orElseThrow();
        LOG.info("event=task-completed taskId={} callId={} agentId={} callerHungUp={}", call.task.id(), call.id(),
                offer.agent(), callerHungUp);
        calls.write(new JournalEntry.Completed(call.id(), call.queue.id(), at, offer.agent(), call.callerLeg,
                offer.recorded(), callerHungUp, between(call.enteredAt, answered), between(answered, at),
                call.originalPosition));
        if (call.agentGoneAt.isEmpty()) {
            wrapUp(call, at);
        }
    }

    /**
     * The conversation is over for the agent: their statistics count it, then wrap-up for the queue's time,
     * then available. While in wrap-up the agent is not offerable, so neither a transfer nor another queue's
     * caller can skip it.
     */
    private void wrapUp(RoutedCall call, Instant at) {
        Offer offer = call.offer.orElseThrow();
        call.moveTo(TaskStatus.WRAPPING);
        stats.finished(offer.agent(), call.queue.id(), between(call.connectedAt.orElse(at), at), at);
        book.statsChanged(offer.agent());
        moves.move(offer.agent(), AgentState.WRAP_UP, () -> timers.schedule(call.queue.wrapUp(), () -> {
            call.moveTo(TaskStatus.COMPLETED);
            free(offer.agent());
        }));
    }

    private void free(AgentId agent) {
        moves.move(agent, AgentState.AVAILABLE, () -> router.agentMayBeFree(agent));
    }

    private static HangupCause causeOf(HoldReason reason) {
        return switch (reason) {
            case NO_ANSWER -> HangupCause.NO_ANSWER;
            case BUSY -> HangupCause.USER_BUSY;
            case CONGESTION -> HangupCause.SWITCH_CONGESTION;
            default -> HangupCause.OTHER;
        };
    }
}
