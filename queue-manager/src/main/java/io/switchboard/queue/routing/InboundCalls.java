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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The inbound calls the router holds, oldest first, and their queue_log. Touched only on the router's context. */
final class InboundCalls {

    private static final Logger LOG = LoggerFactory.getLogger(InboundCalls.class);

    private final Map<CallId, RoutedCall> calls = new LinkedHashMap<>();
    /** The calls that carry another's task (a queued callback's answered customer), to the id of that other. */
    private final Map<CallId, CallId> carriers = new HashMap<>();
    private final QueuePositions positions = new QueuePositions();
    private final RoutingJournal journal;

    InboundCalls(RoutingJournal journal) {
        this.journal = journal;
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

    /** Writes {@code entry} to the journal; a failed write is logged, never fails routing. */
    void write(JournalEntry entry) {
        journal.record(entry).whenComplete((ok, failure) -> {
            if (failure != null) {
                LOG.warn("event=journal-write-failed {} entry={} reason={}", subject(entry),
                        entry.getClass().getSimpleName(), failure.toString());
            }
        });
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
