package io.switchboard.queue.routing;

import io.switchboard.core.id.CallId;
import io.switchboard.core.port.CallControl;
import io.switchboard.core.port.CommandResult;
import io.switchboard.core.port.WaitAnnouncement;
import io.switchboard.queue.waiting.CallerAnnouncements;
import io.switchboard.queue.waiting.EstimatedWait;
import io.switchboard.queue.waiting.WaitAnnouncements;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Tells waiting callers their position and estimated wait, as the queue's {@link CallerAnnouncements} ask:
 * the first time when the router leaves a caller waiting, then every {@code frequency}. One timer per caller,
 * never a pass over all callers; a caller whose agent is ringing is skipped that time (the caller is in the
 * agent's dial, not on hold), and the timer stops when the call is answered, ends or is requeued.
 *
 * <p>While the PBX has not yet accepted the announcement (a Setvar and a Redirect, or a setvar and a transfer,
 * in flight), the call is {@code deciding}, as during a reservation: no agent is reserved for it, so a
 * connect command can never be overtaken by the announcement's move of the caller. Once accepted (or refused),
 * the router decides for the call again, in case an agent became free meanwhile. Touched only on the
 * router's context.
 */
final class WaitingAnnouncer {

    private static final Logger LOG = LoggerFactory.getLogger(WaitingAnnouncer.class);

    /** One waiting caller's announcements. */
    private static final class Listener {
        final RoutedCall call;
        boolean waitSaid;

        Listener(RoutedCall call) {
            this.call = call;
        }
    }

    private final InboundCalls calls;
    private final AgentBook book;
    private final CallControls controls;
    private final HandleTimes handleTimes;
    private final RoutingTimers timers;
    private final Executor context;
    private final Consumer<RoutedCall> decide;
    private final Map<CallId, Listener> listeners = new HashMap<>();

    /** @param decide asks the router to decide for a call again, once its announcement is under way */
    WaitingAnnouncer(InboundCalls calls, AgentBook book, CallControls controls, HandleTimes handleTimes,
                     RoutingTimers timers, Executor context, Consumer<RoutedCall> decide) {
        this.calls = calls;
        this.book = book;
        this.controls = controls;
        this.handleTimes = handleTimes;
        this.timers = timers;
        this.context = context;
        this.decide = decide;
    }

    /** The router left {@code call} waiting: unless its queue announces nothing or it is already heard, it is now. */
    void waiting(RoutedCall call) {
        Listener known = listeners.get(call.id());
        if (known != null && known.call == call || !settings(call).enabled()) {
            return;
        }
        Listener listener = new Listener(call);
        listeners.put(call.id(), listener);
        timers.schedule(Duration.ZERO, () -> announce(listener));
    }

    /** The position the caller has, and what an announcement would say now; empty when nothing is to be said. */
    Optional<WaitAnnouncement> announcementFor(RoutedCall call, boolean waitSaid) {
        int position = calls.position(call);
        AgentBook.Staffing staffing = book.staffing(call.queue.id());
        Optional<Duration> handle = handleTimes.averageTalk(call.queue.id()).map(talk -> talk.plus(call.queue.wrapUp()));
        Optional<Duration> estimate = EstimatedWait.of(position, staffing.staffed(),
                Math.min(staffing.free(), staffing.staffed()), handle);
        return WaitAnnouncements.compose(settings(call), position, estimate, waitSaid);
    }

    /** The caller's estimated wait now ({@link EstimatedWait}); empty when unknown. */
    Optional<Duration> estimatedWait(RoutedCall call) {
        AgentBook.Staffing staffing = book.staffing(call.queue.id());
        Optional<Duration> handle = handleTimes.averageTalk(call.queue.id()).map(talk -> talk.plus(call.queue.wrapUp()));
        return EstimatedWait.of(calls.position(call), staffing.staffed(), Math.min(staffing.free(), staffing.staffed()),
                handle);
    }

    private void announce(Listener listener) {
        RoutedCall call = listener.call;
        CallerAnnouncements settings = settings(call);
        if (listeners.get(call.id()) != listener || !calls.isCurrent(call) || call.connectedAt.isPresent()
                || !settings.enabled()) {
            listeners.remove(call.id(), listener);
            return;
        }
        if (call.isWaiting() && call.onHold && call.offer.isEmpty() && call.round.isEmpty() && !call.deciding
                && call.callback.isEmpty()) {
            announcementFor(call, listener.waitSaid).ifPresent(what -> {
                listener.waitSaid |= what.estimatedWait().isPresent();
                say(call, what);
            });
        }
        timers.schedule(settings.frequency(), () -> announce(listener));
    }

    private void say(RoutedCall call, WaitAnnouncement what) {
        LOG.info("event=wait-announced taskId={} callId={} queueId={} position={} moreThan={} estimatedWaitSeconds={}",
                call.task.id(), call.id(), call.queue.id(), what.position().isPresent() ? what.position().getAsInt() : "",
                what.moreThan().isPresent() ? what.moreThan().getAsInt() : "",
                what.estimatedWait().map(Duration::toSeconds).map(String::valueOf).orElse(""));
        Optional<CallControl> control = controls.of(call.pbx);
        if (control.isEmpty()) {
            return;
        }
        call.deciding = true;
        Stages.on(control.get().announceWait(call.id(), what), context, result -> {
            call.deciding = false;
            if (result instanceof CommandResult.Failed failed) {
                LOG.warn("event=wait-announcement-failed callId={} errorId={}", call.id(), failed.errorId());
            }
            decide.accept(call);
        }, failure -> {
            call.deciding = false;
            decide.accept(call);
        });
    }

    private CallerAnnouncements settings(RoutedCall call) {
        return book.setup(call.queue.id()).map(setup -> setup.announcements()).orElse(CallerAnnouncements.OFF);
    }
}
