package io.switchboard.queue.kpi;

import io.switchboard.core.agent.AgentStatus;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.QueueId;
import io.switchboard.queue.routing.CallbackStep;
import io.switchboard.queue.routing.JournalEntry;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Live KPIs per queue and per agent, fed as things happen: every {@link JournalEntry} the router records and
 * every agent status it stores. Events are counted at their own time; the clock only says what "now" is when a
 * snapshot is read. Not thread-safe: feed and read it from one thread (or under one lock).
 *
 * <p>Closed 15-minute intervals collect until {@link #closedIntervals} takes them, for history.
 */
public final class KpiEngine {

    private KpiSettings settings;
    private final InstantSource clock;
    private final RepeatCallers repeats;
    private final Map<QueueId, QueueTally> queues = new TreeMap<>((a, b) -> a.value().compareTo(b.value()));
    private final Map<AgentId, AgentTally> agents = new TreeMap<>((a, b) -> a.value().compareTo(b.value()));
    private final List<IntervalRow> closed = new ArrayList<>();
    private final Map<QueueId, Double> targets = new HashMap<>();

    public KpiEngine(KpiSettings settings, InstantSource clock) {
        this(settings, clock, randomSalt());
    }

    /** With a fixed salt for the callers' digests; tests only. */
    KpiEngine(KpiSettings settings, InstantSource clock, byte[] salt) {
        this.settings = settings;
        this.clock = clock;
        this.repeats = new RepeatCallers(settings.repeatWithin(), salt);
    }

    /**
     * From now on judges {@code queue}'s answers against {@code threshold} (e.g. the queue's configured
     * {@code service_level_seconds}); calls answered before keep the judgement they had.
     */
    public void judge(QueueId queue, Duration threshold) {
        settings = settings.withThreshold(queue, threshold);
    }

    /**
     * As {@link #judge(QueueId, Duration)}, and from now on shows {@code target} (above 0, at most 1: the share of
     * calls the queue wants answered within the threshold, its {@code serviceLevelTargetPercent}) as its target.
     */
    public void judge(QueueId queue, Duration threshold, double target) {
        if (!(target > 0 && target <= 1)) {
            throw new IllegalArgumentException("target must be above 0 and at most 1, was " + target);
        }
        judge(queue, threshold);
        targets.put(queue, target);
    }

    /** Counts one step of an inbound call; membership steps change no count (statuses arrive on their own). */
    public KpiChanges onJournal(JournalEntry journalEntry) {
        if (!(journalEntry instanceof JournalEntry.CallStep entry)) {
            return KpiChanges.none();
        }
        QueueTally queue = queueTally(entry.queue());
        Set<AgentId> agentsChanged = new HashSet<>();
        Set<QueueId> queuesChanged = new HashSet<>(Set.of(entry.queue()));
        if (entry instanceof JournalEntry.Entered e) {
            queue.waits(e.call(), e.at());
            boolean repeat = e.caller().map(number -> repeats.callFrom(number, e.at())).orElse(false);
            queue.count(e.at(), c -> {
                c.offered++;
                c.repeatCallers += repeat ? 1 : 0;
            }, closed);
        } else if (entry instanceof JournalEntry.Requeued e) {
            queue.waits(e.call(), e.at());
        } else if (entry instanceof JournalEntry.Overflowed e) {
            queue.waits(e.call(), e.at());
            queue.count(e.at(), c -> c.offered++, closed);
        } else if (entry instanceof JournalEntry.Exited e) {
            queue.stopsWaiting(e.call());
        } else if (entry instanceof JournalEntry.Connected e) {
            queue.stopsWaiting(e.call());
            boolean inTime = e.held().compareTo(settings.thresholdOf(e.queue())) <= 0;
            queue.count(e.at(), c -> {
                c.answered++;
                c.answeredWithinThreshold += inTime ? 1 : 0;
                c.answerWaitMillis += e.held().toMillis();
            }, closed);
            agentTally(e.agent()).answered(e.at());
            agentsChanged.add(e.agent());
        } else if (entry instanceof JournalEntry.Abandoned e) {
            queue.stopsWaiting(e.call());
            boolean isShort = e.waited().compareTo(settings.shortAbandon()) < 0;
            queue.count(e.at(), c -> {
                if (isShort) {
                    c.shortAbandons++;
                } else {
                    c.abandoned++;
                }
            }, closed);
        } else if (entry instanceof CallbackStep.Unanswered e && e.ended().isPresent()) {
            queue.stopsWaiting(e.call());
        } else if (entry instanceof JournalEntry.Completed e) {
            agentTally(e.agent()).talked(e.queue(), e.talked(), e.at()).ifPresent(this::countHandled);
            agentsChanged.add(e.agent());
        } else {
            return KpiChanges.none();
        }
        return new KpiChanges(queuesChanged, agentsChanged);
    }

    /**
     * Notes a caller who has waited in {@code queue} since {@code since} without counting them offered: a call that
     * entered before this engine started counting (a node joining a running cluster learns of it from the calls in
     * flight), so that it shows in {@code waiting} and {@code longestWait} until its next step.
     */
    public KpiChanges alreadyWaiting(QueueId queue, CallId call, Instant since) {
        queueTally(queue).waits(call, since);
        return new KpiChanges(Set.of(queue), Set.of());
    }

    /** Counts the time an agent spent in their previous status; {@code status} is the one just stored. */
    public KpiChanges onAgentStatus(AgentId agent, AgentStatus status) {
        Optional<AgentTally.Handled> handled = agentTally(agent).moved(status);
        handled.ifPresent(this::countHandled);
        return new KpiChanges(handled.map(h -> Set.of(h.queue())).orElse(Set.of()), Set.of(agent));
    }

    /** The queue's KPIs now; all zero when the queue has seen no call since start. */
    public QueueKpis queue(QueueId id) {
        QueueTally tally = queues.getOrDefault(id, new QueueTally(id, settings.zone()));
        return tally.snapshot(clock.instant(), settings.thresholdOf(id), targetOf(id));
    }

    private double targetOf(QueueId queue) {
        return targets.getOrDefault(queue, QueueKpis.DEFAULT_TARGET);
    }

    /** The agent's KPIs now; all zero and logged out when the agent has had no call or status change since start. */
    public AgentKpis agent(AgentId id) {
        return agents.getOrDefault(id, new AgentTally(id, settings.zone())).snapshot(clock.instant());
    }

    /** Every queue's KPIs now, by queue id. */
    public List<QueueKpis> queues() {
        Instant now = clock.instant();
        return queues.entrySet().stream().map(e -> e.getValue().snapshot(now, settings.thresholdOf(e.getKey()),
                        targetOf(e.getKey())))
                .toList();
    }

    /** Every agent's KPIs now, by agent id. */
    public List<AgentKpis> agents() {
        Instant now = clock.instant();
        return agents.values().stream().map(a -> a.snapshot(now)).toList();
    }

    /** Takes the intervals that ended by now and had any call in them, oldest first. */
    public List<IntervalRow> closedIntervals() {
        Instant now = clock.instant();
        queues.values().forEach(q -> q.closeEnded(now, closed));
        List<IntervalRow> taken = List.copyOf(closed);
        closed.clear();
        return taken;
    }

    /**
     * The intervals still open (after closing those that ended by now), with their counts so far, for a history that
     * keeps a running row; {@link #closedIntervals} later hands each out once more with its final counts.
     */
    public List<IntervalRow> openIntervals() {
        Instant now = clock.instant();
        queues.values().forEach(q -> q.closeEnded(now, closed));
        return queues.values().stream().flatMap(q -> q.open().stream()).toList();
    }

    /** How long until the open intervals end, for a timer that takes them. */
    public Duration untilIntervalEnds() {
        Instant now = clock.instant();
        return Duration.between(now, IntervalRow.startOf(now).plus(IntervalRow.LENGTH));
    }

    private static byte[] randomSalt() {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        return salt;
    }

    private void countHandled(AgentTally.Handled handled) {
        queueTally(handled.queue()).count(handled.at(), c -> {
            c.handled++;
            c.handleMillis += handled.handleTime().toMillis();
        }, closed);
    }

    private QueueTally queueTally(QueueId id) {
        return queues.computeIfAbsent(id, q -> new QueueTally(q, settings.zone()));
    }

    private AgentTally agentTally(AgentId id) {
        return agents.computeIfAbsent(id, a -> new AgentTally(a, settings.zone()));
    }
}
