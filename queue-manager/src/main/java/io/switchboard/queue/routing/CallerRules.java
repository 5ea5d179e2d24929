package io.switchboard.queue.routing;

import io.switchboard.core.event.PbxEvent;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.QueueId;
import io.switchboard.core.id.TaskId;
import io.switchboard.core.routing.RoutingStrategy;
import io.switchboard.core.routing.Task;
import io.switchboard.core.routing.TaskQueue;
import io.switchboard.core.routing.TaskStatus;
import io.switchboard.queue.selection.ExitReason;
import io.switchboard.queue.selection.QueueExit;
import io.switchboard.queue.selection.QueueRules;
import io.switchboard.queue.selection.QueueSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;

import static io.switchboard.queue.routing.InboundCalls.between;

/**
 * The queue rules that act on the caller ({@link QueueRules}): a caller who may not join (full, empty) is
 * turned away on arrival, a caller who waited the queue's {@code maxWait} or whose queue lost its last counting
 * member leaves, and each goes where the queue's exit for that reason says: another queue, an extension of the
 * admin's dialplan, or a hang-up. Event-driven: one timer per caller's deadline, and "leave when empty" is
 * decided when a member's status changes (or, with a grace, by one timer per spell the queue is empty: {@link
 * EmptyQueues}), never by a periodic check. Touched only on the router's context.
 *
 * <p>An overflowed caller is a new entry in the other queue, from the moment they move: that queue's workflow
 * starts at its first step, its {@code maxWait} and KPIs count its own wait. A queue a caller has already been
 * sent out of is never entered again: an exit that would loop hangs up instead.
 */
final class CallerRules {

    private static final Logger LOG = LoggerFactory.getLogger(CallerRules.class);

    /** A call from its arrival: how it was announced, the queues it was sent out of. */
    private record Journey(JournalEntry.Entered arrival, Set<QueueId> left) {
    }

    /** When {@code call} (this very entry, not a later one of the same call) entered its queue. */
    private record Entry(RoutedCall call, Instant at) {
    }

    private final InboundRouter router;
    private final InboundCalls calls;
    private final AgentBook book;
    private final RoutingTimers timers;
    private final InstantSource clock;
    private final EmptyQueues empties;
    private final ExitCommands exits;
    private final Map<CallId, Journey> journeys = new HashMap<>();
    /**
     * When each waiting call entered its current queue, on the router's clock: deadlines and waits are measured
     * on it, not on the PBX's event times, so a PBX clock that drifts does not move a deadline.
     */
    private final Map<CallId, Entry> entered = new HashMap<>();
    /** The entry of a call whose queue's setup is being read: written once the caller may join. */
    private final Map<CallId, JournalEntry.CallStep> pending = new HashMap<>();

    CallerRules(InboundRouter router, InboundCalls calls, AgentBook book, CallControls controls,
                RoutingTimers timers, InstantSource clock, Executor context) {
        this.router = router;
        this.calls = calls;
        this.book = book;
        this.timers = timers;
        this.clock = clock;
        this.empties = new EmptyQueues(book, timers, clock);
        this.exits = new ExitCommands(controls, context);
    }

    /** A call arrived; its {@code ENTERQUEUE} waits for {@link #admit}, since a refused caller has none. */
    void arrived(RoutedCall call, JournalEntry.Entered entered) {
        journeys.put(call.id(), new Journey(entered, new HashSet<>()));
        pending.put(call.id(), entered);
    }

    /**
     * The call's queue is loaded: whether the caller may wait in it. A refused caller goes to the queue's exit
     * for {@link ExitReason#FULL} or {@link ExitReason#JOINEMPTY}; an admitted one gets their entry written and
     * their deadline timer set, or leaves at once ({@link ExitReason#LEAVEEMPTY}) when the queue is already empty
     * under its leave policy, as app_queue's first {@code wait_our_turn} check makes them.
     */
    boolean admit(RoutedCall call) {
        JournalEntry.CallStep entry = pending.remove(call.id());
        if (!calls.isCurrent(call)) {
            return false;
        }
        QueueId queue = call.queue.id();
        QueueRules rules = rulesOf(queue);
        Optional<ExitReason> refusal = rules.refusal(call.queue, admittedIn(queue), book.members(queue));
        if (refusal.isPresent()) {
            Journey journey = journeys.get(call.id());
            QueueExit exit = exitFor(call, refusal.get());
            leaveQueue(call);
            LOG.info("event=caller-refused taskId={} callId={} queueId={} reason={}", call.task.id(), call.id(),
                    queue, refusal.get());
            JournalEntry.Entered arrival = journey.arrival();
            calls.write(new JournalEntry.Refused(call.id(), queue, call.onPbxClock(clock.instant()), arrival.pbx(), call.callerLeg,
                    arrival.caller(), arrival.dialled(), refusal.get(), exit));
            go(call, refusal.get(), exit);
            return false;
        }
        if (entry != null) {
            calls.write(entry);
        }
        Instant now = clock.instant();
        entered.put(call.id(), new Entry(call, now));
        if (book.setup(queue).filter(setup -> empties.mustLeave(setup, this::emptyFor)).isPresent()) {
            leave(call, ExitReason.LEAVEEMPTY);
            return false;
        }
        QueueRules.deadline(call.queue, now).ifPresent(at -> deadline(call, at));
        return true;
    }

    /**
     * The caller of {@code before}, who had been connected, waits on hold again as {@code again} (a nailed-up
     * agent's line ended mid-call). They stay under the queue's {@code maxWait}, counted as app_queue counts it from
     * the caller's entry but with the clock stopped while they talked: the new entry is dated back by the time
     * {@code before} waited until its answer, so their deadline comes when their holds add up to {@code maxWait}
     * (at once when they already do). A caller the rules never admitted ({@code before} had no entry) has no
     * deadline now either; the join rules are not applied again.
     */
    void requeued(RoutedCall before, RoutedCall again) {
        Optional<Instant> since = enteredAt(before);
        Instant now = clock.instant();
        Optional<Instant> answered = before.connectedAt.map(at -> at.minus(before.pbxAhead));
        if (since.isEmpty() || answered.isEmpty()) {
            return;
        }
        Instant start = now.minus(between(since.get(), answered.get()));
        entered.put(again.id(), new Entry(again, start));
        QueueRules.deadline(again.queue, start).ifPresent(at -> deadline(again, at));
    }

    /** A leg hung up: a caller gone before their queue was loaded still gets their entry, before the abandon. */
    void hungUp(PbxEvent.LegHungUp e) {
        RoutedCall call = calls.get(e.call());
        if (call == null || e.leg().equals(call.callerLeg)) {
            Optional.ofNullable(pending.remove(e.call())).ifPresent(calls::write);
            journeys.remove(e.call());
            entered.remove(e.call());
        }
    }

    /**
     * The router is about to decide for a caller on hold: one who has waited the queue's {@code maxWait} leaves
     * instead ({@link ExitReason#TIMEOUT}); returns whether they did. A caller being rung at the deadline leaves
     * when the ring fails, as app_queue checks its timeout between attempts.
     */
    boolean timedOut(RoutedCall call) {
        Optional<Instant> deadline = enteredAt(call).flatMap(since -> QueueRules.deadline(call.queue, since));
        if (deadline.isEmpty() || clock.instant().isBefore(deadline.get())) {
            return false;
        }
        leave(call, ExitReason.TIMEOUT);
        return true;
    }

    /**
     * A member's status, line or phone changed: in each of their queues with a leave-when-empty policy, if no
     * member counts any more (for the queue's grace, see {@link #emptyFor}), every caller waiting on hold leaves.
     */
    void memberChanged(AgentId agent) {
        book.entry(agent).ifPresent(entry -> entry.memberships().forEach(membership -> emptyFor(membership.queue())));
    }

    /**
     * Whether {@code queue} is empty under its leave policy for its whole grace ({@link EmptyQueues}): if so,
     * every caller waiting on hold leaves ({@link ExitReason#LEAVEEMPTY}).
     */
    private void emptyFor(QueueId queue) {
        Optional<QueueSetup> setup = book.setup(queue);
        if (setup.isEmpty() || setup.get().rules().leaveWhenEmpty().isEmpty()) {
            return;
        }
        List<RoutedCall> waiting = calls.all().stream().filter(call -> call.queue.id().equals(queue)
                && call.isWaiting() && call.onHold && !call.deciding && call.callback.isEmpty()).toList();
        if (empties.mustLeave(setup.get(), this::emptyFor)) {
            waiting.forEach(call -> leave(call, ExitReason.LEAVEEMPTY));
        }
    }

    private void deadline(RoutedCall call, Instant at) {
        timers.schedule(between(clock.instant(), at), () -> {
            if (!calls.isCurrent(call)) {
                return;
            }
            if (clock.instant().isBefore(at)) {
                deadline(call, at);
            } else {
                router.decide(call);
            }
        });
    }

    /**
     * The waiting caller leaves for {@code reason} ({@code EXITWITHTIMEOUT} or {@code EXITEMPTY}), unless the
     * queue's exit for it calls them back instead, keeping their place ({@link QueuedCallbacks#instead}).
     */
    private void leave(RoutedCall call, ExitReason reason) {
        if (rulesOf(call.queue.id()).exitFor(reason) instanceof QueueExit.CallBack
                && router.callbacks().instead(call, reason)) {
            return;
        }
        int position = calls.position(call);
        Instant now = clock.instant();
        Duration waited = between(enteredAt(call).orElse(now), now);
        QueueExit exit = exitFor(call, reason);
        leaveQueue(call);
        LOG.info("event=caller-left-queue taskId={} callId={} queueId={} reason={} exit={}", call.task.id(),
                call.id(), call.queue.id(), reason, exit.getClass().getSimpleName());
        calls.write(new JournalEntry.Exited(call.id(), call.queue.id(), call.onPbxClock(now), call.callerLeg, reason, exit, position,
                call.originalPosition, waited));
        go(call, reason, exit);
    }

    /**
     * How many callers wait in {@code queue} having been admitted: a caller who arrived earlier but whose queue is
     * still being loaded does not count yet, so two callers arriving together are decided in the order their
     * admissions run, each against the ones already in.
     */
    private int admittedIn(QueueId queue) {
        return (int) calls.all().stream().filter(c -> c.queue.id().equals(queue) && c.isWaiting()
                && enteredAt(c).isPresent()).count();
    }

    /**
     * When this entry of the call was admitted (for a caller queued again, dated back by their earlier waits, see
     * {@link #requeued}); empty for one the rules did not admit.
     */
    private Optional<Instant> enteredAt(RoutedCall call) {
        return Optional.ofNullable(entered.get(call.id())).filter(entry -> entry.call() == call).map(Entry::at);
    }

    private void leaveQueue(RoutedCall call) {
        entered.remove(call.id());
        calls.remove(call);
        book.notWaiting(call.task.id());
        call.moveTo(TaskStatus.CANCELED);
    }

    /**
     * The queue's exit for {@code reason}, unless it overflows to a queue the caller was already sent out of; a
     * callback this caller could not be given ({@link #leave}), or one on arrival, hangs up.
     */
    private QueueExit exitFor(RoutedCall call, ExitReason reason) {
        Journey journey = journeys.get(call.id());
        journey.left().add(call.queue.id());
        QueueExit exit = rulesOf(call.queue.id()).exitFor(reason);
        if (exit instanceof QueueExit.CallBack) {
            return QueueExit.HANG_UP;
        }
        if (exit instanceof QueueExit.Overflow overflow && journey.left().contains(overflow.queue())) {
            LOG.warn("event=overflow-loop callId={} queueId={} to={}", call.id(), call.queue.id(), overflow.queue());
            return QueueExit.HANG_UP;
        }
        return exit;
    }

    /** Sends the caller to {@code exit}. */
    private void go(RoutedCall call, ExitReason reason, QueueExit exit) {
        if (exit instanceof QueueExit.Overflow overflow) {
            overflow(call, overflow.queue());
            return;
        }
        journeys.remove(call.id());
        exits.send(call, reason, exit);
    }

    /**
     * The caller waits on in {@code target} as a new entry there, created now (on the server's clock, as the
     * other tasks it is ordered against; its queue_log rows on the PBX's), once that queue's setup and members
     * are loaded.
     */
    private void overflow(RoutedCall call, QueueId target) {
        Instant now = clock.instant();
        Task task = Task.inboundCall(TaskId.of(call.task.id().value() + "@" + target.value()), call.id(),
                call.task.customer(), target, 0, now, Map.of());
        TaskQueue known = book.setup(target).map(QueueSetup::queue)
                .orElseGet(() -> TaskQueue.of(target, target.value(), RoutingStrategy.LONGEST_IDLE));
        RoutedCall again = new RoutedCall(call.pbx, call.callerLeg, known, task, calls.waitingIn(target) + 1);
        again.legs = call.legs;
        again.enteredAt = call.onPbxClock(now);
        again.pbxAhead = call.pbxAhead;
        again.deciding = true;
        calls.put(again);
        pending.put(call.id(), new JournalEntry.Overflowed(call.id(), target, call.onPbxClock(now), call.queue.id(),
                call.callerLeg, call.task.customer(), again.originalPosition));
        router.whenKnown(target, () -> {
            again.queue = book.setup(target).map(QueueSetup::queue).orElse(again.queue);
            again.deciding = false;
            if (admit(again)) {
                router.decide(again);
            }
        });
    }

    private QueueRules rulesOf(QueueId queue) {
        return book.setup(queue).map(QueueSetup::rules).orElse(QueueRules.NONE);
    }

    /** How many calls the rules keep anything of, for tests: it must not grow with ended calls. */
    int kept() {
        return journeys.size() + entered.size() + pending.size();
    }
}
