package io.switchboard.queue.routing;

import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.event.PbxEvent;
import io.switchboard.core.port.CallControl;
import io.switchboard.core.port.CommandResult;
import io.switchboard.queue.selection.ExitReason;
import io.switchboard.queue.selection.QueueSetup;
import io.switchboard.queue.waiting.CallbackDecisions;
import io.switchboard.queue.waiting.QueuedCallback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Function;

import static io.switchboard.queue.routing.InboundCalls.between;

/**
 * A key a waiting caller pressed in the hold glue, for {@link QueuedCallbacks}: accepted when the queue offers the
 * callback ({@link CallbackDecisions#accepts}), the caller waits on hold and there is a number to call; then the
 * PBX confirms and hangs up ({@link CallControl#confirmCallback}), and the callback stands. While the PBX has not
 * answered, the call is {@code deciding}, so no agent is reserved for it meanwhile. Touched only on the router's
 * context.
 */
final class CallbackKeys {

    private static final Logger LOG = LoggerFactory.getLogger(CallbackKeys.class);

    private final InboundRouter router;
    private final InboundCalls calls;
    private final AgentBook book;
    private final CallControls controls;
    private final InstantSource clock;
    private final Executor context;
    private final Function<RoutedCall, Optional<Duration>> estimates;

    CallbackKeys(InboundRouter router, InboundCalls calls, AgentBook book, CallControls controls, InstantSource clock,
                 Executor context, Function<RoutedCall, Optional<Duration>> estimates) {
        this.router = router;
        this.calls = calls;
        this.book = book;
        this.controls = controls;
        this.clock = clock;
        this.context = context;
        this.estimates = estimates;
    }

    /** The caller pressed a key in the hold: if it asks for the queue's callback, the callback is confirmed. */
    void pressed(PbxEvent.CallbackRequested e) {
        RoutedCall call = calls.get(e.call());
        if (call == null || !e.leg().equals(call.callerLeg)) {
            LOG.debug("event=callback-key-ignored callId={} reason=unknown-call", e.call());
            return;
        }
        QueuedCallback settings = book.setup(call.queue.id()).map(QueueSetup::callback).orElse(QueuedCallback.OFF);
        Duration waited = between(call.task.created(), clock.instant());
        if (call.callback.isPresent() || !call.isWaiting() || !call.onHold || call.deciding || call.offer.isPresent()
                || call.round.isPresent()
                || !CallbackDecisions.accepts(settings, e.digit(), waited, estimates.apply(call))) {
            LOG.debug("event=callback-key-ignored taskId={} callId={} digit={} reason=not-offered", call.task.id(),
                    e.call(), e.digit());
            return;
        }
        Optional<PhoneNumber> number = e.number().or(call.task::customer);
        if (number.isEmpty()) {
            LOG.info("event=callback-key-ignored taskId={} callId={} reason=no-number", call.task.id(), e.call());
            return;
        }
        stand(call, number.get(), settings, e.at(), e.digit(), Optional.empty());
    }

    /**
     * A queue rule's exit for {@code reason} says to call the waiting caller back instead of letting them go
     * ({@code QueueExit.CallBack}): the callback stands as if they had pressed the key, with the queue's callback
     * settings whether or not the key is offered. Returns false, and changes nothing, when it cannot: the caller
     * is being rung, announced to or already a callback, has no number, or their PBX refused a confirmation before.
     */
    boolean instead(RoutedCall call, ExitReason reason) {
        if (call.callback.isPresent() || call.callBackRefused || call.deciding || call.offer.isPresent()
                || call.round.isPresent() || call.task.customer().isEmpty()) {
            LOG.info("event=callback-exit-not-taken taskId={} callId={} reason={}", call.task.id(), call.id(),
                    call.task.customer().isEmpty() ? "no-number" : "not-on-hold");
            return false;
        }
        QueuedCallback settings = book.setup(call.queue.id()).map(QueueSetup::callback).orElse(QueuedCallback.OFF);
        stand(call, call.task.customer().get(), settings, call.onPbxClock(clock.instant()), settings.digit(),
                Optional.of(reason));
        return true;
    }

    /**
     * The callback stands once the PBX confirmed it: the caller is told, hung up, and keeps their place. {@code at}
     * is on the PBX's clock, as the call's other journal steps.
     */
    private void stand(RoutedCall call, PhoneNumber number, QueuedCallback settings, Instant at, char digit,
                       Optional<ExitReason> exit) {
        CallbackRequest request = new CallbackRequest(number, settings);
        int position = calls.position(call);
        call.callback = Optional.of(request);
        call.deciding = true;
        book.notWaiting(call.task.id());
        LOG.info("event=callback-requested taskId={} callId={} queueId={} position={} to={} exit={}", call.task.id(),
                call.id(), call.queue.id(), position, request.number.masked(), exit.map(ExitReason::apiName).orElse("-"));
        CallbackStep.Requested step = new CallbackStep.Requested(call.id(), call.queue.id(), at, call.callerLeg,
                digit, request.number, position, call.originalPosition, between(call.enteredAt, at), exit);
        Optional<CallControl> control = controls.of(call.pbx);
        if (control.isEmpty()) {
            confirmed(call, step, Optional.of("pbx-not-attached"));
            return;
        }
        Stages.on(control.get().confirmCallback(call.id()), context,
                result -> confirmed(call, step, result instanceof CommandResult.Failed failed
                        ? Optional.of(failed.errorId()) : Optional.empty()),
                failure -> confirmed(call, step, Optional.of(failure.toString())));
    }

    /**
     * The PBX answered the confirmation: the callback stands once confirmed, or when the caller hung up anyway;
     * otherwise the caller, still on hold, waits as before.
     */
    private void confirmed(RoutedCall call, CallbackStep.Requested step, Optional<String> error) {
        call.deciding = false;
        CallbackRequest request = call.callback.orElseThrow();
        if (error.isPresent() && !request.callerGone) {
            LOG.warn("event=callback-not-confirmed taskId={} callId={} errorId={}", call.task.id(), call.id(),
                    error.get());
            call.callback = Optional.empty();
            call.callBackRefused = step.exit().isPresent();
        } else {
            calls.write(step);
        }
        router.decide(call);
    }
}
