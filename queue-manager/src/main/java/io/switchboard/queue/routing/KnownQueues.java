package io.switchboard.queue.routing;

import io.switchboard.core.agent.Agent;
import io.switchboard.core.agent.AgentStatus;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.QueueId;
import io.switchboard.core.port.AgentDirectory;
import io.switchboard.core.port.AgentStateStore;
import io.switchboard.core.routing.RoutingStrategy;
import io.switchboard.core.routing.TaskQueue;
import io.switchboard.core.routing.WorkflowStep;
import io.switchboard.queue.selection.QueueSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The queues the router has read (setup and members, into the {@link AgentBook}), so that a call to a queue
 * it knows is decided at once from memory, with no database round trip on the decision path.
 * <ul>
 *   <li>The first call to a queue reads it; calls to the same queue arriving meanwhile wait for that one read
 *       and are decided after it in arrival order, so an agent freed during the read cannot take a later
 *       caller first.</li>
 *   <li>A change through this node's API ({@link #changed}) makes the next call read the queue again before
 *       it is decided (callers waiting for a read that began before the change wait for one more).</li>
 *   <li>A change made on another node, or written around the API, is picked up by a refresh: a call to a
 *       queue read more than {@link #REFRESH} ago is decided from memory and starts a read in the background,
 *       off the decision path, so a missed change lasts at most that long.</li>
 * </ul>
 * Members already known keep their status, which events keep current. After each read, the queue's free
 * members are offered the best waiting caller first, since a member the read added may be free. Touched only
 * on the router's context.
 */
final class KnownQueues {

    /** How long a queue's setup and members are used before a call to it reads them again in the background. */
    static final Duration REFRESH = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(KnownQueues.class);

    /** A queue read or being read; {@code readAt} is empty until a read finished since the last change. */
    private static final class Entry {
        Optional<Instant> readAt = Optional.empty();
        int generation;
        List<Runnable> waiters;
    }

    private final AgentDirectory agents;
    private final TaskQueues queues;
    private final AgentStateStore states;
    private final AgentLines lines;
    private final AgentBook book;
    private final InstantSource clock;
    private final Executor context;
    private final Consumer<AgentId> mayBeFree;
    private final Map<QueueId, Entry> entries = new HashMap<>();

    KnownQueues(AgentDirectory agents, TaskQueues queues, AgentStateStore states, AgentLines lines, AgentBook book,
                InstantSource clock, Executor context, Consumer<AgentId> mayBeFree) {
        this.agents = agents;
        this.queues = queues;
        this.states = states;
        this.lines = lines;
        this.book = book;
        this.clock = clock;
        this.context = context;
        this.mayBeFree = mayBeFree;
    }

    /**
     * Runs {@code then} once the book holds {@code queue}: at once when it was read since its last change
     * (even while a background refresh is under way), otherwise after the read under way or a new one, in the
     * order the callers asked.
     */
    void whenKnown(QueueId queue, Runnable then) {
        Entry entry = entries.computeIfAbsent(queue, id -> new Entry());
        if (entry.readAt.isPresent() && book.knowsQueue(queue)) {
            if (entry.waiters == null && !entry.readAt.get().plus(REFRESH).isAfter(clock.instant())) {
                read(queue, entry, new ArrayList<>());
            }
            then.run();
            return;
        }
        if (entry.waiters != null) {
            entry.waiters.add(then);
            return;
        }
        List<Runnable> waiters = new ArrayList<>();
        waiters.add(then);
        read(queue, entry, waiters);
    }

    /** The queue or its members changed through the API: the next call to it reads it again before deciding. */
    void changed(QueueId queue) {
        Entry entry = entries.get(queue);
        if (entry != null) {
            entry.readAt = Optional.empty();
            entry.generation++;
            LOG.debug("event=queue-cache-invalidated queueId={}", queue);
        }
    }

    private void read(QueueId queue, Entry entry, List<Runnable> waiters) {
        entry.waiters = waiters;
        int generation = entry.generation;
        Instant started = clock.instant();
        on(queues.setup(queue), found -> load(found.orElseGet(() -> QueueSetup.of(defaults(queue))),
                        () -> done(queue, entry, generation, started, true)),
                failure -> load(book.setup(queue).orElseGet(() -> QueueSetup.of(defaults(queue))),
                        () -> done(queue, entry, generation, started, false)));
    }

    /**
     * A read finished ({@code read} false: the setup could not be read, and the next call tries again). When the
     * queue changed during the read, the callers waiting for it wait for one more read, of the queue as changed.
     */
    private void done(QueueId queue, Entry entry, int generation, Instant started, boolean read) {
        boolean current = entry.generation == generation;
        if (read && !current && !entry.waiters.isEmpty()) {
            read(queue, entry, entry.waiters);
            return;
        }
        if (read && current) {
            entry.readAt = Optional.of(started);
        }
        List<Runnable> ready = entry.waiters;
        entry.waiters = null;
        // a member the read added (or freed) takes the longest waiting caller before the new ones decide
        book.knownMembersOf(queue).forEach(mayBeFree);
        ready.forEach(Runnable::run);
    }

    /**
     * Makes the queue's setup current, with the setups of the other queues its workflow overflows to, and
     * reads its members: their directory entries, and the stored status of those the book does not know yet.
     * Known agents the book still counts as members but the directory no longer lists are read again.
     */
    private void load(QueueSetup setup, Runnable then) {
        book.queue(setup);
        Optional<QueueId> overflow = setup.workflow().steps().stream().map(WorkflowStep::queue)
                .filter(queue -> !book.knowsQueue(queue)).findFirst();
        if (overflow.isPresent()) {
            QueueSetup fallback = QueueSetup.of(defaults(overflow.get()));
            on(queues.setup(overflow.get()), found -> load(found.orElse(fallback), () -> load(setup, then)),
                    failure -> load(fallback, () -> load(setup, then)));
            return;
        }
        QueueId queue = setup.queue().id();
        on(agents.membersOf(queue), members -> {
            Set<AgentId> gone = book.knownMembersOf(queue);
            members.forEach(member -> gone.remove(member.id()));
            List<CompletableFuture<Optional<AgentStatus>>> reads = members.stream()
                    .map(member -> book.knowsAgent(member.id())
                            ? CompletableFuture.completedFuture(book.status(member.id()))
                            : states.read(member.id()).toCompletableFuture())
                    .toList();
            List<CompletableFuture<Optional<Agent>>> left = gone.stream()
                    .map(agent -> agents.find(agent).toCompletableFuture()).toList();
            List<CompletableFuture<?>> all = new ArrayList<>(reads);
            all.addAll(left);
            on(CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)), none -> {
                for (int i = 0; i < members.size(); i++) {
                    know(members.get(i), reads.get(i).join());
                }
                left.forEach(entry -> entry.join().ifPresent(agent -> know(agent, book.status(agent.id()))));
                then.run();
            }, failure -> then.run());
        }, failure -> then.run());
    }

    private void know(Agent agent, Optional<AgentStatus> status) {
        book.agent(agent, status.orElseGet(() -> AgentStatus.initial(clock.instant())),
                lines.lineOf(agent.id()).isPresent());
    }

    private <T> void on(CompletionStage<T> stage, Consumer<T> then, Consumer<Throwable> failed) {
        Stages.on(stage, context, then, failed);
    }

    /** The queue a call names when none is configured: longest idle, the defaults of everything else. */
    static TaskQueue defaults(QueueId queue) {
        return TaskQueue.of(queue, queue.value(), RoutingStrategy.LONGEST_IDLE);
    }
}
