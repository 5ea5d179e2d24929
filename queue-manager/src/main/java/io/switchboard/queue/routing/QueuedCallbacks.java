package io.switchboard.queue.routing;

import io.switchboard.core.agent.Agent;
import io.switchboard.core.agent.AgentState;
import io.switchboard.core.call.HangupCause;
import io.switchboard.core.call.HoldReason;
import io.switchboard.core.event.PbxEvent;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;
import io.switchboard.core.id.PbxId;
import io.switchboard.core.port.CallControl;
import io.switchboard.core.port.CommandResult;
import io.switchboard.core.port.OriginateRequest;
import io.switchboard.core.routing.TaskStatus;
import io.switchboard.queue.routing.CallbackRequest.Attempt;
import io.switchboard.queue.waiting.CallbackDecisions;
import io.switchboard.queue.waiting.CallbackOutcome;
import io.switchboard.queue.waiting.QueuedCallback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiConsumer;
import java.util.function.Function;

import static io.switchboard.queue.routing.InboundCalls.between;

/**
 * The router's side of the queued callback ("press 1 to be called back and keep your place"), as the queue's
 * {@link QueuedCallback} settings and the pure {@link CallbackDecisions} say:
 * <ul>
 *   <li>an accepted key ({@link CallbackKeys}) marks the waiting caller's task as a callback and has the PBX confirm and hang up
 *       ({@link CallControl#confirmCallback}); the hang-up that follows is no abandon, and the task keeps its
 *       place among the waiting ones, out of reach of the queue's max wait and leave-when-empty;</li>
 *   <li>when the selector gives the task to an agent, the agent is reserved by compare-and-set as for any caller,
 *       then the customer is called ({@link CallControl#originate}, variable {@value #VARIABLE});</li>
 *   <li>the answered customer comes back on hold ({@link HoldReason#CALLBACK}) and is rung to the reserved agent
 *       as any waiting caller; the new call carries the task from then on;</li>
 *   <li>an attempt not answered releases the agent without counting a miss, and the task rests until the retry
 *       (one timer), or ends when the attempts are spent.</li>
 * </ul>
 * Touched only on the router's context.
 */
final class QueuedCallbacks {

    /** The dialplan variable that tells the glue an originated call is a callback, naming the call that asked. */
    static final String VARIABLE = "SWITCHBOARD_CALLBACK";

    /** How long after an attempt's ring time the router gives up on a PBX that said nothing about it. */
    static final Duration GRACE = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(QueuedCallbacks.class);

    private final InboundRouter router;
    private final InboundCalls calls;
    private final AgentBook book;
    private final CallControls controls;
    private final AgentMoves moves;
    private final RoutingTimers timers;
    private final InstantSource clock;
    private final Executor context;
    private final BiConsumer<RoutedCall, Agent> ring;
    private final CallbackKeys keys;
    private final StandingCallbacks standing;
    private final Map<CallId, RoutedCall> dialling = new HashMap<>();
    private Function<PbxId, CallId> newCallIds = QueuedCallbacks::randomCallId;

    /**
     * @param ring      rings (or joins) a reserved agent for a call on hold, as for any waiting caller
     * @param estimates the estimated wait of a waiting call, empty when unknown
     */
    QueuedCallbacks(InboundRouter router, InboundCalls calls, AgentBook book, CallControls controls, AgentMoves moves,
                    RoutingTimers timers, InstantSource clock, Executor context, BiConsumer<RoutedCall, Agent> ring,
                    Function<RoutedCall, Optional<Duration>> estimates) {
        this.router = router;
        this.calls = calls;
        this.book = book;
        this.controls = controls;
        this.moves = moves;
        this.timers = timers;
        this.clock = clock;
        this.context = context;
        this.ring = ring;
        this.keys = new CallbackKeys(router, calls, book, controls, clock, context, estimates);
        this.standing = new StandingCallbacks(router, calls, book, clock, context, this);
    }

    /** Keeps standing callbacks in {@code store} from now on, putting back those it holds. */
    void keepIn(PendingCallbacks store, TaskQueues queues) {
        standing.keepIn(store, queues);
    }

    /** From now on new callback calls get their ids from {@code ids} (the PBX's form, as for outbound calls). */
    void callIds(Function<PbxId, CallId> ids) {
        this.newCallIds = ids;
    }

    /** Handles the event if it is about a callback (a key, or an attempt's outcome); returns whether it was. */
    boolean took(PbxEvent event) {
        standing.heard(event);
        if (event instanceof PbxEvent.CallbackRequested key) {
            keys.pressed(key);
        } else if (event instanceof PbxEvent.OriginateFailed failed && dialling.containsKey(failed.call())) {
            attemptOf(failed.call()).ifPresent(a -> unanswered(dialling.get(failed.call()), a, failed.cause(),
                    failed.at()));
        } else if (event instanceof PbxEvent.LegHungUp hungUp && dialling.containsKey(hungUp.call())) {
            attemptOf(hungUp.call()).ifPresent(a -> unanswered(dialling.get(hungUp.call()), a, hungUp.cause(),
                    hungUp.at()));
        } else if (event instanceof PbxEvent.CallReturnedToHold back && back.reason() == HoldReason.CALLBACK) {
            answered(back);
        } else {
            return false;
        }
        return true;
    }

    /**
     * The leg {@code e} hung up: if it is a caller who asked for a callback, they are gone as expected (no
     * abandon) and their task may now be offered; returns whether it was.
     */
    boolean callerLeft(PbxEvent.LegHungUp e) {
        RoutedCall call = calls.get(e.call());
        if (call == null || call.callback.isEmpty() || call.callback.get().answered.isPresent()
                || !e.leg().equals(call.callerLeg)) {
            return false;
        }
        call.callback.get().callerGone = true;
        LOG.info("event=callback-caller-left taskId={} callId={}", call.task.id(), call.id());
        standing.saved(call);
        router.decide(call);
        return true;
    }

    /** A queue exit calls the waiting caller back instead of letting them go; see {@link CallbackKeys#instead}. */
    boolean instead(RoutedCall call, io.switchboard.queue.selection.ExitReason reason) {
        return keys.instead(call, reason);
    }

    /**
     * Whether {@code call} is a callback that may not be offered now: caller still on, retry pending, ringing, or
     * not answered yet while its PBX is not attached, or restored and its PBX not heard from yet (it is decided
     * again when the PBX is heard from).
     */
    boolean holdsBack(RoutedCall call) {
        return call.callback.filter(request -> !request.offerable() || request.answered.isEmpty()
                && (controls.of(call.pbx).isEmpty() || standing.awaitsPbx(call))).isPresent();
    }

    /**
     * The agent {@code agent} was reserved for {@code call}: if it is a callback whose customer has not answered
     * yet, the customer is called now and {@code true} returned; otherwise the agent is rung as usual.
     */
    boolean dial(RoutedCall call, Agent agent) {
        if (call.callback.isEmpty() || call.callback.get().answered.isPresent()) {
            return false;
        }
        CallbackRequest request = call.callback.get();
        CallId customerCall = newCallIds.apply(call.pbx);
        Attempt attempt = new Attempt(customerCall, LegId.of(customerCall.value()), agent.id(), clock.instant(),
                ++request.attempts);
        request.dialling = Optional.of(attempt);
        dialling.put(customerCall, call);
        call.onHold = false;
        call.moveTo(TaskStatus.RESERVED);
        LOG.info("event=callback-dialling taskId={} callId={} customerCallId={} agentId={} attempt={} to={}",
                call.task.id(), call.id(), customerCall, agent.id(), attempt.number(), request.number.masked());
        calls.write(new CallbackStep.Dialled(call.id(), call.queue.id(), call.onPbxClock(attempt.since()), agent.id(),
                customerCall, attempt.leg(), request.number, attempt.number()));
        Optional<CallControl> control = controls.of(call.pbx);
        if (control.isEmpty()) {
            LOG.warn("event=pbx-not-attached taskId={} pbx={}", call.task.id(), call.pbx);
            unanswered(call, attempt, HangupCause.NORMAL_TEMPORARY_FAILURE, call.onPbxClock(clock.instant()));
            return true;
        }
        OriginateRequest originate = new OriginateRequest(customerCall, attempt.leg(), request.number,
                Optional.empty(), request.settings.ringTime(), Duration.ZERO, false,
                Map.of(VARIABLE, call.id().value()));
        Stages.on(control.get().originate(originate), context, result -> {
            if (result instanceof CommandResult.Failed failed) {
                LOG.warn("event=callback-refused taskId={} customerCallId={} errorId={}", call.task.id(),
                        customerCall, failed.errorId());
                unanswered(call, attempt, HangupCause.NORMAL_TEMPORARY_FAILURE, call.onPbxClock(clock.instant()));
            }
        }, failure -> unanswered(call, attempt, HangupCause.NORMAL_TEMPORARY_FAILURE,
                call.onPbxClock(clock.instant())));
        timers.schedule(request.settings.ringTime().plus(GRACE), () -> unanswered(call, attempt,
                HangupCause.NO_USER_RESPONSE, call.onPbxClock(clock.instant())));
        return true;
    }

    private Optional<Attempt> attemptOf(CallId customerCall) {
        return dialling.get(customerCall).callback.flatMap(request -> request.dialling)
                .filter(attempt -> attempt.call().equals(customerCall));
    }

    /**
     * The attempt was not answered: the agent is released without a miss, and the task rests until the retry or
     * ends, as {@link CallbackDecisions#afterUnanswered} says. {@code at} is on the PBX's clock.
     */
    private void unanswered(RoutedCall call, Attempt attempt, HangupCause cause, Instant at) {
        CallbackRequest request = call.callback.orElseThrow();
        if (request.dialling.filter(attempt::equals).isEmpty()) {
            return;
        }
        request.dialling = Optional.empty();
        dialling.remove(attempt.call());
        Instant now = clock.instant();
        call.moveTo(TaskStatus.PENDING);
        call.onHold = true;
        CallbackDecisions.AfterAttempt next = CallbackDecisions.afterUnanswered(request.settings, attempt.number(),
                cause, now);
        Optional<Instant> retryAt = next instanceof CallbackDecisions.Retry retry
                ? Optional.of(retry.at()) : Optional.empty();
        Optional<CallbackOutcome> ended = next instanceof CallbackDecisions.GiveUp giveUp
                ? Optional.of(giveUp.outcome()) : Optional.empty();
        LOG.info("event=callback-unanswered taskId={} callId={} customerCallId={} agentId={} attempt={} cause={} "
                        + "retryAt={} ended={}", call.task.id(), call.id(), attempt.call(), attempt.agent(),
                attempt.number(), cause, retryAt.orElse(null), ended.orElse(null));
        calls.write(new CallbackStep.Unanswered(call.id(), call.queue.id(), at, attempt.agent(), attempt.leg(),
                attempt.number(), cause, between(attempt.since(), now), retryAt, ended,
                between(call.enteredAt, at)));
        if (ended.isPresent()) {
            calls.remove(call);
            book.notWaiting(call.task.id());
            call.moveTo(TaskStatus.CANCELED);
            standing.ended(call);
        } else {
            rest(call, request, retryAt.get());
            standing.saved(call);
        }
        release(attempt.agent());
    }

    /** The callback is not offered before {@code retryAt}; then it is decided again (one timer). */
    void rest(RoutedCall call, CallbackRequest request, Instant retryAt) {
        Optional<Instant> until = Optional.of(retryAt);
        request.restingUntil = until;
        timers.schedule(between(clock.instant(), retryAt), () -> {
            if (request.restingUntil.equals(until)) {
                request.restingUntil = Optional.empty();
                router.decide(call);
            }
        });
    }

    /** The customer answered and waits on hold: the agent reserved for them is rung as for any waiting caller. */
    private void answered(PbxEvent.CallReturnedToHold e) {
        RoutedCall call = dialling.get(e.call());
        Optional<Attempt> attempt = call == null ? Optional.empty() : attemptOf(e.call());
        if (attempt.isEmpty()) {
            LOG.warn("event=callback-unknown customerCallId={} reason=no-attempt-waiting", e.call());
            controls.of(e.pbx()).ifPresent(pbx -> pbx.hangup(e.call(), HangupCause.NORMAL_CLEARING));
            return;
        }
        CallbackRequest request = call.callback.orElseThrow();
        dialling.remove(e.call());
        request.dialling = Optional.empty();
        request.answered = attempt;
        standing.ended(call);
        call.callerLeg = e.leg().orElse(attempt.get().leg());
        call.onHold = true;
        calls.carry(call);
        AgentId agent = attempt.get().agent();
        LOG.info("event=callback-answered taskId={} callId={} customerCallId={} agentId={} attempt={}",
                call.task.id(), call.id(), e.call(), agent, attempt.get().number());
        calls.write(new CallbackStep.Answered(call.id(), call.queue.id(), e.at(), agent, call.callerLeg,
                attempt.get().number(), between(attempt.get().since(), clock.instant())));
        Optional<Agent> reserved = book.agent(agent);
        if (reserved.isPresent()) {
            ring.accept(call, reserved.get());
        } else {
            call.moveTo(TaskStatus.PENDING);
            release(agent);
            router.decide(call);
        }
    }

    private void release(AgentId agent) {
        moves.move(agent, AgentState.AVAILABLE, () -> router.agentMayBeFree(agent));
    }

    private static CallId randomCallId(PbxId pbx) {
        byte[] random = new byte[8];
        ThreadLocalRandom.current().nextBytes(random);
        return CallId.of(pbx.value() + "/sb-" + HexFormat.of().formatHex(random));
    }
}
