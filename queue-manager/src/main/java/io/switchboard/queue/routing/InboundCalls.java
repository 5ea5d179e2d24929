package io.switchboard.queue.routing;

import io.switchboard.core.id.CallId;
import io.switchboard.core.id.QueueId;
import io.switchboard.core.id.TaskId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;

/**
 * The inbound calls the router holds, oldest first, their queue_log, and what the next owner of their PBX needs
 * to carry them on ({@link CallsInFlight}, written with each queue_log row). Touched only on the router's context.
 */
final class InboundCalls {

    private static final Logger LOG = LoggerFactory.getLogger(InboundCalls.class);

    private final Map<CallId, RoutedCall> calls = new LinkedHashMap<>();
    /** The calls that carry another's task (a queued callback's answered customer), to the id of that other. */
    private final Map<CallId, CallId> carriers = new HashMap<>();
    private final QueuePositions positions = new QueuePositions();
    private final RoutingJournal journal;
    /** The calls kept in {@link #inFlight}, so that only those are forgotten there. */
    private final Set<CallId> kept = new HashSet<>();
    private CallsInFlight inFlight = CallsInFlight.NONE;

    InboundCalls(RoutingJournal journal) {
        this.journal = journal;
    }

    /** From now on each call's step is kept in {@code store} too, for the next owner of the call's PBX. */
    void keepIn(CallsInFlight store) {
        this.inFlight = store;
    }

    /** The call of id {@code call}, or the one whose task the PBX call {@code call} carries (see {@link #carry}). */
    RoutedCall get(CallId call) {
        RoutedCall found = calls.get(call);
        CallId carried = found == null ? carriers.get(call) : null;
        return carried == null ? found : calls.get(carried);
    }

    boolean contains(CallId call) {
        return calls.containsKey(call);
    }

    void put(RoutedCall call) {
        calls.put(call.id(), call);
        positions.put(call);
        carry(call);
    }

    /** From now on the events of the PBX call {@code call} is on ({@link RoutedCall#onPbx()}) are its own. */
    void carry(RoutedCall call) {
        if (!call.onPbx().equals(call.id())) {
            carriers.put(call.onPbx(), call.id());
        }
    }

    void remove(RoutedCall call) {
        calls.remove(call.id(), call);
        positions.remove(call);
        carriers.remove(call.onPbx(), call.id());
    }

    /** How many calls wait in {@code queue} now; see {@link QueuePositions}. */
    int waitingIn(QueueId queue) {
        return positions.waitingIn(queue);
    }

    /** The position of {@code call} in its queue, 1 for the head. */
    int position(RoutedCall call) {
        return positions.position(call);
    }

    /** Whether {@code call} is still the one the router holds for its id (not ended, not requeued). */
    boolean isCurrent(RoutedCall call) {
        return calls.get(call.id()) == call;
    }

    Collection<RoutedCall> all() {
        return calls.values();
    }

    /** The call whose current task is {@code task}. */
    Optional<RoutedCall> ofTask(TaskId task) {
        return calls.values().stream().filter(call -> call.task.id().equals(task)).findFirst();
    }

    /**
     * Writes {@code entry} to the journal; a failed write is logged, never fails routing. A call's step also
     * keeps the call as it is now in the {@link CallsInFlight} store (one write, not awaited), or forgets it
     * there once the router let it go. A queued callback's call is not kept: its callback stands in its own
     * store ({@link StandingCallbacks}).
     */
    /**
     * Writes {@code entry} to the journal, then the call's step to the store once the journal has it (written or
     * failed): the store, which the PBX's next owner carries the calls over from, never runs ahead of the queue_log.
     * The entry is the exception: kept at once, and the call is not decided until the store holds it ({@link
     * RoutedCall#entryKept}), so a node that cannot write the store routes no call its successor would not know.
     * A node that dies or is cut off between the two leaves the store a step behind; its successor then records that
     * step again, and the journal does not write a call's entry, connection or end twice (docs/cluster.md).
     */
    void write(JournalEntry entry) {
        Runnable share = () -> { };
        if (inFlight != CallsInFlight.NONE && entry instanceof JournalEntry.CallStep step) {
            RoutedCall call = calls.get(step.call());
            CallsInFlight store = inFlight;
            if (call != null && call.callback.isEmpty() && entry instanceof JournalEntry.Entered) {
                // kept at once, beside the journal: the call is not decided before the store holds it
                kept.add(call.id());
                call.entryKept = store.keep(HeldCall.of(call)).toCompletableFuture();
            } else if (call != null && call.callback.isEmpty()) {
                kept.add(call.id());
                HeldCall now = HeldCall.of(call);
                share = () -> store.keep(now);
            } else if (kept.remove(step.call())) {
                share = () -> store.forget(step.call());
            }
        }
        Runnable then = share;
        journal.record(entry).whenComplete((ok, failure) -> {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (cause instanceof RoutingJournal.Dropped) {
                return; // this node was fenced off the PBX: its next owner records the step, from the store as it was
            }
            if (cause != null) {
                LOG.warn("event=journal-write-failed {} entry={} reason={}", subject(entry),
                        entry.getClass().getSimpleName(), cause.toString());
            }
            then.run();
        });
    }

    /** Drops {@code call} without a word to the journal or the store: another node carries it on now. */
    void drop(RoutedCall call) {
        remove(call);
        kept.remove(call.id());
    }

    /** Holds {@code call} again as another node left it: it stays kept in the store. */
    void restore(RoutedCall call) {
        put(call);
        kept.add(call.id());
    }

    private static String subject(JournalEntry entry) {
        return entry instanceof JournalEntry.CallStep step ? "callId=" + step.call()
                : "agentId=" + ((JournalEntry.MemberStep) entry).agent();
    }

    /** The time from {@code from} to {@code to}, never negative. */
    static Duration between(Instant from, Instant to) {
        Duration d = Duration.between(from, to);
        return d.isNegative() ? Duration.ZERO : d;
    }
}
