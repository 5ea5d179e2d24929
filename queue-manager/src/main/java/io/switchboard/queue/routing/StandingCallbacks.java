package io.switchboard.queue.routing;

import io.switchboard.core.event.PbxEvent;
import io.switchboard.core.id.PbxId;
import io.switchboard.core.id.TaskId;
import io.switchboard.core.routing.Task;
import io.switchboard.queue.selection.QueueSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * Keeps the queued callbacks that stand in {@link PendingCallbacks}, for {@link QueuedCallbacks}, and puts them
 * back among the waiting tasks when the router starts: each with its task's id, priority and creation time, so it
 * keeps its place before the callers who came later, and with its attempts and retry time, so a restart neither
 * gives the customer an extra call nor calls them sooner. A restored callback whose PBX is not attached, or has not
 * been heard from since the router started (still connecting), waits (see {@link QueuedCallbacks#holdsBack}) and
 * is decided again when the PBX is heard from. Touched only on the
 * router's context.
 */
final class StandingCallbacks {

    private static final Logger LOG = LoggerFactory.getLogger(StandingCallbacks.class);

    private final InboundRouter router;
    private final InboundCalls calls;
    private final AgentBook book;
    private final InstantSource clock;
    private final Executor context;
    private final QueuedCallbacks callbacks;
    private PendingCallbacks store = PendingCallbacks.NONE;
    private TaskQueues queues;
    /** The PBXs heard from since the router started (any event) and not disconnected since. */
    private final Set<PbxId> heard = new HashSet<>();
    /** The restored tasks whose PBX has not been heard from yet: nobody is called back through a PBX still away. */
    private final Set<TaskId> awaitingPbx = new HashSet<>();

    StandingCallbacks(InboundRouter router, InboundCalls calls, AgentBook book, InstantSource clock, Executor context,
                      QueuedCallbacks callbacks) {
        this.router = router;
        this.calls = calls;
        this.book = book;
        this.clock = clock;
        this.context = context;
        this.callbacks = callbacks;
    }

    /**
     * From now on callbacks are kept in {@code store}; those it holds already are put back, in their queues as
     * {@code queues} has them.
     */
    void keepIn(PendingCallbacks store, TaskQueues queues) {
        this.store = store;
        this.queues = queues;
        Stages.on(store.all(), context, this::restore,
                failure -> LOG.error("event=callbacks-not-restored reason={}", failure.toString()));
    }

    /** {@code call}'s callback stands as it is now (its caller left, or an attempt went unanswered). */
    void saved(RoutedCall call) {
        store.saved(PendingCallback.of(call));
    }

    /** {@code call}'s callback no longer needs keeping: the customer answered, or it ended. */
    void ended(RoutedCall call) {
        store.ended(call.task.id());
    }

    /**
     * The router got {@code e}: a PBX heard from for the first time (or again after it disconnected) is connected,
     * so the callbacks held back for want of it are decided now.
     */
    void heard(PbxEvent e) {
        if (e instanceof PbxEvent.PbxDisconnected) {
            heard.remove(e.pbx());
            return;
        }
        if (!heard.add(e.pbx()) && !(e instanceof PbxEvent.PbxConnected)) {
            return;
        }
        List<RoutedCall> waiting = calls.all().stream()
                .filter(call -> call.pbx.equals(e.pbx()) && call.callback.isPresent()).toList();
        waiting.forEach(call -> awaitingPbx.remove(call.task.id()));
        waiting.forEach(router::decide);
    }

    /** Whether {@code call} was restored and its PBX has not been heard from since the router started. */
    boolean awaitsPbx(RoutedCall call) {
        return awaitingPbx.contains(call.task.id()) && !heard.contains(call.pbx);
    }

    /** Puts {@code stored} back among the waiting tasks, oldest first, leaving out the calls the router holds. */
    void restore(List<PendingCallback> stored) {
        stored.stream().sorted(Comparator.comparing(PendingCallback::created))
                .filter(callback -> !calls.contains(callback.call())).forEach(this::restoreOne);
    }

    private void restoreOne(PendingCallback stored) {
        Task task = Task.inboundCall(stored.task(), stored.call(), Optional.of(stored.number()), stored.queue(),
                stored.priority(), stored.created(), Map.of());
        RoutedCall call = new RoutedCall(stored.pbx(), stored.callerLeg(), KnownQueues.defaults(stored.queue()), task,
                stored.originalPosition());
        call.enteredAt = stored.enteredAt();
        CallbackRequest request = new CallbackRequest(stored.number(), stored.settings());
        request.callerGone = true;
        request.attempts = stored.attempts();
        call.callback = Optional.of(request);
        call.deciding = true;
        awaitingPbx.add(task.id());
        calls.put(call);
        LOG.info("event=callback-restored taskId={} callId={} queueId={} attempts={} notBefore={} to={}",
                task.id(), call.id(), stored.queue(), stored.attempts(), stored.notBefore().orElse(null),
                stored.number().masked());
        stored.notBefore().filter(at -> at.isAfter(clock.instant()))
                .ifPresent(at -> callbacks.rest(call, request, at));
        // the router loads an unknown queue with defaults, so only the store can say it is unknown
        Stages.on(queues.setup(stored.queue()), context, found -> {
            if (found.isEmpty()) {
                LOG.warn("event=callback-queue-unknown taskId={} callId={} queueId={} action=kept-waiting",
                        task.id(), call.id(), stored.queue());
            }
        }, failure -> LOG.warn("event=callback-queue-not-read taskId={} queueId={} reason={}", task.id(),
                stored.queue(), failure.toString()));
        router.whenKnown(stored.queue(), () -> {
            call.queue = book.setup(stored.queue()).map(QueueSetup::queue).orElse(call.queue);
            call.deciding = false;
            router.decide(call);
        });
    }
}
