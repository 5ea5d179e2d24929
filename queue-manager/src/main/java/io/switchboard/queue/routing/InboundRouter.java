package io.switchboard.queue.routing;

import io.switchboard.core.agent.AgentState;
import io.switchboard.core.agent.AgentStatus;
import io.switchboard.core.event.PbxEvent;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.PbxId;
import io.switchboard.core.id.QueueId;
import io.switchboard.core.id.TaskId;
import io.switchboard.core.port.AgentDirectory;
import io.switchboard.core.port.AgentStateStore;
import io.switchboard.core.port.PbxEventListener;
import io.switchboard.core.routing.Task;
import io.switchboard.core.routing.TaskQueue;
import io.switchboard.core.routing.TaskStatus;
import io.switchboard.queue.routing.RoutedCall.Offer;
import io.switchboard.queue.selection.PreferredAgentRule;
import io.switchboard.queue.selection.QueueSetup;
import io.switchboard.queue.selection.Selection;
import io.switchboard.queue.selection.Selector;
import io.switchboard.queue.selection.WaitingTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;

import static io.switchboard.queue.routing.InboundCalls.between;

/**
 * The inbound ACD: every offered call becomes a task in its queue, and the {@link Selector} decides who gets
 * what, from the router's {@link AgentBook} (agents, waiting tasks, round-robin memory), kept up to date by
 * events, never by polling:
 * <ul>
 *   <li>a new task, a miss or a workflow step's end asks {@link Selector#agentFor} (the queue's strategy);</li>
 *   <li>an agent becoming available (after wrap-up, a miss, the API, a login) asks {@link Selector#taskFor}:
 *       the best waiting caller over all their queues by priority then wait, not whichever queue asked first;</li>
 *   <li>a {@code Wait} with a recheck time sets one timer.</li>
 * </ul>
 * The agent is reserved by compare-and-set in the {@link AgentStateStore} ({@link Reservations}), rung through
 * the PBX's {@link CallControl}, and followed to connect, hang-up and wrap-up ({@link CallEndings}).
 *
 * <p>Threading contract: {@code context} runs tasks one at a time, in order (a Vert.x context, a
 * single-thread executor). Every public method must be called on it, and the router hops every port's
 * completion back onto it, so its state is only ever touched by one thread at a time and no call blocks.
 */
public final class InboundRouter implements PbxEventListener {

    /** The queue of a call whose dialplan named none. */
    public static final QueueId DEFAULT_QUEUE = QueueId.of("default");

    /**
     * How long the record of a call whose agent hung up first waits for a transfer: a blind transfer pulls the
     * caller out of the agent's bridge, and the PBX may report the agent's hang-up before the transfer.
     */
    static final Duration TRANSFER_GRACE = Duration.ofSeconds(2);

    private static final Logger LOG = LoggerFactory.getLogger(InboundRouter.class);

    private final AgentDirectory agents;
    private final TaskQueues queues;
    private final AgentStateStore states;
    private final AgentLines lines;
    private final RoutingTimers timers;
    private final InstantSource clock;
    private final Executor context;
    private final AgentMoves moves;
    private final AgentStats stats;
    private final AgentBook book;
    private final InboundCalls calls;
    private final Reservations reservations;
    private final CallEndings endings;
    private final MemberJournal memberJournal;
    private final WaitingAnnouncer announcer;
    private final RingMany ringMany;
    private final PreferredAgents preferences;
    private final CallerRules callerRules;
    private final KnownQueues knownQueues;
    private final QueuedCallbacks callbacks;
    private final ArrivingCalls arriving;
    private final CallHandover handover;

    public InboundRouter(AgentDirectory agents, TaskQueues queues, AgentStateStore states, CallControls callControls,
                         RoutingJournal journal, RoutingTimers timers, InstantSource clock, Executor context) {
        this(agents, queues, states, callControls, journal, timers, clock, context,
                new AgentMoves(states, clock, context), new AgentLines(), InboundRules.DEFAULTS, LastAgents.NONE);
    }

    /** Sharing agent moves and open lines with the rest of {@link RoutingEngine}, remembering no last agents. */
    InboundRouter(AgentDirectory agents, TaskQueues queues, AgentStateStore states, CallControls callControls,
                  RoutingJournal journal, RoutingTimers timers, InstantSource clock, Executor context,
                  AgentMoves moves, AgentLines lines, InboundRules rules) {
        this(agents, queues, states, callControls, journal, timers, clock, context, moves, lines, rules,
                LastAgents.NONE);
    }

    /** Sharing agent moves and open lines with the rest of {@link RoutingEngine}. */
    InboundRouter(AgentDirectory agents, TaskQueues queues, AgentStateStore states, CallControls callControls,
                  RoutingJournal journal, RoutingTimers timers, InstantSource clock, Executor context,
                  AgentMoves moves, AgentLines lines, InboundRules rules, LastAgents lastAgents) {
        this.agents = agents;
        this.queues = queues;
        this.states = states;
        this.lines = lines;
        this.timers = timers;
        this.clock = clock;
        this.context = context;
        this.moves = moves;
        this.stats = new AgentStats(rules.day());
        this.book = new AgentBook(new Selector(clock, new SplittableRandom()), stats, clock);
        HandleTimes handleTimes = new HandleTimes();
        this.calls = new InboundCalls(handleTimes.tap(journal));
        AgentOffers offers = new AgentOffers(callControls, lines, clock, book::endpoint);
        this.reservations = new Reservations(this, calls, book, states, offers, moves, rules, clock, context);
        this.ringMany = new RingMany(this, calls, book, states, offers, moves, reservations, timers, clock, context);
        this.endings = new CallEndings(this, calls, reservations, book, stats, moves, timers);
        this.memberJournal = new MemberJournal(agents, book, calls, context);
        this.announcer = new WaitingAnnouncer(calls, book, callControls, handleTimes, timers, context, this::decide);
        this.preferences = new PreferredAgents(lastAgents, timers, context);
        this.callerRules = new CallerRules(this, calls, book, callControls, timers, clock, context);
        this.knownQueues = new KnownQueues(agents, queues, states, lines, book, clock, context,
                this::agentMayBeFree);
        this.callbacks = new QueuedCallbacks(this, calls, book, callControls, moves, timers, clock, context,
                reservations::ring, announcer::estimatedWait);
        moves.onStored(this::statusStored);
        this.arriving = new ArrivingCalls(calls::isCurrent, this::agentMayBeFree);
        this.handover = new CallHandover(this, calls, endings, book, moves);
    }

    @Override
    public void onEvent(PbxEvent event) {
        if (handover.took(event) || ringMany.took(event) || callbacks.took(event)) {
            return;
        }
        if (event instanceof PbxEvent.CallOffered offered) {
            offered(offered);
        } else if (event instanceof PbxEvent.LegHungUp hungUp) {
            callerRules.hungUp(hungUp);
            if (!callbacks.callerLeft(hungUp)) {
                endings.hungUp(hungUp);
            }
            arriving.left();
        } else if (event instanceof PbxEvent.CallReturnedToHold back) {
            endings.returnedToHold(back);
        } else if (event instanceof PbxEvent.CallConnected connected) {
            connected(connected);
        } else if (event instanceof PbxEvent.CallTransferred transferred) {
            endings.transferred(transferred);
        } else if (event instanceof PbxEvent.AgentDeviceStateChanged device) {
            book.device(device.pbx(), device.device(), device.state()).ifPresent(agent -> {
                agentMayBeFree(agent);
                callerRules.memberChanged(agent);
            });
        } else if (event instanceof PbxEvent.PbxDisconnected gone) {
            book.pbxGone(gone.pbx()).forEach(agent -> {
                agentMayBeFree(agent);
                callerRules.memberChanged(agent);
            });
        }
    }

    /**
     * Which PBX reaches which other PBX's agents (the configured trunks) and which PBX speaks which device
     * technology: queues whose {@code agentScope} is {@code any} offer callers to agents on other PBXs through it.
     */
    public void pbxReach(io.switchboard.queue.selection.PbxReach reach) {
        book.reach(reach);
    }

    /**
     * An agent's state, line or directory entry changed outside the router (the agent API, a login): the
     * router reads the agent again and, if they are free, offers them the best waiting task.
     */
    public void agentStateChanged(AgentId agent) {
        LOG.debug("event=agent-state-changed agentId={}", agent);
        on(agents.find(agent), found -> found.ifPresent(entry -> on(states.read(agent), status -> {
            book.agent(entry, status.orElseGet(() -> AgentStatus.initial(clock.instant())),
                    lines.lineOf(agent).isPresent());
            agentMayBeFree(agent);
            callerRules.memberChanged(agent);
        }, failure -> { })), failure -> { });
    }

    /**
     * A status {@link AgentMoves} stored: the book learns it and the journal gets the membership step, if any.
     */
    private void statusStored(AgentId agent, AgentStatus before, AgentStatus now) {
        book.status(agent, now);
        memberJournal.stored(agent, before, now);
        callerRules.memberChanged(agent);
    }

    /**
     * The agent API stored {@code now} in place of {@code before}: the journal gets the membership step, if any
     * (a login, logout, pause or unpause), then the router reads the agent again as in {@link
     * #agentStateChanged}. Only the node that stored the status calls this, so each step is journaled once.
     */
    public void agentStatusChanged(AgentId agent, AgentStatus before, AgentStatus now) {
        statusStored(agent, before, now);
        agentStateChanged(agent);
    }

    /** The tasks the router holds now (waiting, ringing an agent or talking), oldest first. */
    public List<Task> tasks() {
        return calls.all().stream().map(call -> call.task).toList();
    }

    /** How many offers {@code agent} has missed (no answer, busy, unreachable) since this router started. */
    public int missesOf(AgentId agent) {
        return reservations.missesOf(agent);
    }

    private void offered(PbxEvent.CallOffered e) {
        if (calls.contains(e.call())) {
            return;
        }
        QueueId queueId = e.queueHint().orElse(DEFAULT_QUEUE);
        Task task = Task.inboundCall(TaskId.of("task-" + e.call().value()), e.call(), e.caller(), queueId, 0,
                clock.instant(), Map.of());
        RoutedCall call = new RoutedCall(e.pbx(), e.leg(), defaults(queueId), task,
                calls.waitingIn(queueId) + 1);
        call.enteredAt = e.at();
        call.pbxAhead = Duration.between(task.created(), e.at());
        call.deciding = true;
        calls.put(call);
        arriving.arriving(call);
        LOG.info("event=task-created taskId={} callId={} queueId={}", task.id(), e.call(), queueId);
        callerRules.arrived(call, new JournalEntry.Entered(e.call(), queueId, e.at(), e.pbx(), e.leg(), e.caller(),
                e.dialled(), call.originalPosition));
        whenKnown(queueId, () -> {
            Optional<QueueSetup> setup = book.setup(queueId);
            call.queue = setup.map(QueueSetup::queue).orElse(call.queue);
            preferences.lookUp(call, setup.map(QueueSetup::preferredAgent).orElse(PreferredAgentRule.OFF), () -> {
                call.deciding = false;
                if (callerRules.admit(call)) {
                    decide(call);
                }
                arriving.arrived(call);
            });
        });
    }

    /**
     * Whether the store holds the call as entered. If not yet, the call is decided once it does; if it could not
     * (no quorum), never here: this node is about to be fenced and the PBX's next owner finds the caller waiting.
     */
    private boolean entryKept(RoutedCall call) {
        if (call.entryKept.isDone()) {
            return !call.entryKept.isCompletedExceptionally();
        }
        if (!call.awaitingEntryKept) {
            call.awaitingEntryKept = true;
            call.entryKept.whenComplete((ok, failure) -> context.execute(() -> {
                call.awaitingEntryKept = false;
                if (failure != null) {
                    LOG.warn("event=task-not-decided-unkept taskId={} callId={} reason=\"the calls in flight could"
                            + " not keep it (no quorum?): the PBX's next owner routes it\"", call.task.id(), call.id());
                }
                decide(call);
            }));
        }
        return false;
    }

    /**
     * The queue's configuration or its members changed through the API: the next call to it reads them again
     * before it is decided (other nodes pick the change up within {@link KnownQueues#REFRESH}).
     */
    public void queueChanged(QueueId queue) {
        knownQueues.changed(queue);
    }

    /** Runs {@code then} once the router knows {@code queue}'s setup and members (at once when it does). */
    void whenKnown(QueueId queue, Runnable then) {
        knownQueues.whenKnown(queue, then);
    }

    private void connected(PbxEvent.CallConnected e) {
        RoutedCall call = calls.get(e.call());
        if (call == null || !call.isOffered(e.agentLeg()) || call.connectedAt.isPresent()) {
            return;
        }
        Offer offer = call.offer.orElseThrow();
        call.connectedAt = Optional.of(e.at());
        call.moveTo(TaskStatus.ASSIGNED);
        reservations.answered(offer.agent());
        preferences.spoke(call, offer.agent());
        stats.took(offer.agent(), call.queue.id(), clock.instant());
        LOG.info("event=task-assigned taskId={} callId={} agentId={}", call.task.id(), call.id(), offer.agent());
        calls.write(new JournalEntry.Connected(call.id(), call.queue.id(), e.at(), offer.agent(), offer.recorded(),
                between(call.enteredAt, e.at()), between(offer.since(), clock.instant())));
        moves.move(offer.agent(), AgentState.ON_CALL, () -> { });
    }

    /**
     * A task needs an agent: unless it is not waiting on hold or a reservation is under way, the queue's
     * strategy picks among the agents who have not missed it; when all who could take it already missed it,
     * they are tried again, as app_queue rings a queue round again. A task that then waits for an agent to free
     * waits with a clean slate: whoever frees first is offered it, missed or not (else it waited for ever once
     * every member had missed it).
     */
    void decide(RoutedCall call) {
        if (!calls.isCurrent(call) || !call.isWaiting() || !call.onHold || call.deciding || callbacks.holdsBack(call)
                || call.callback.isEmpty() && callerRules.timedOut(call) || !entryKept(call)) {
            return;
        }
        WaitingTask task = keepWaiting(call);
        Selection selection = book.agentFor(task);
        if (selection instanceof Selection.Wait && !call.tried.isEmpty()) {
            Selection again = book.agentFor(WaitingTask.of(call.task).on(call.pbx));
            call.tried.clear();
            keepWaiting(call);
            if (again instanceof Selection.Offer) {
                selection = again;
            }
        }
        if (selection instanceof Selection.Offer offer) {
            if (!ringMany.start(call, offer)) {
                AgentId agent = offer.agents().get(0);
                Optional<RoutedCall> fairer = fairerCallFor(agent, call);
                if (fairer.isPresent()) {
                    reservations.reserve(fairer.get(), agent);
                    decide(call);
                } else {
                    reservations.reserve(call, agent);
                }
            }
        } else if (selection instanceof Selection.Wait wait) {
            LOG.debug("event=task-waiting taskId={} queueId={} reason={}", call.task.id(), call.queue.id(),
                    wait.reason());
            wait.recheckAt().ifPresent(at -> recheck(call, at));
            announcer.waiting(call);
        }
    }

    /** The caller of {@code before} waits on hold again as {@code again}: the queue rules keep their deadline. */
    void requeued(RoutedCall before, RoutedCall again) {
        callerRules.requeued(before, again);
        decide(again);
    }

    /** An agent's status changed: if they can take a task now, the fairest waiting one is reserved for them. */
    void agentMayBeFree(AgentId agent) {
        if (!book.isOfferable(agent)) {
            return;
        }
        if (book.taskFor(agent) instanceof Selection.Offer offer) {
            calls.ofTask(offer.task()).filter(call -> call.isWaiting() && call.onHold && !call.deciding)
                    .filter(call -> !arriving.holdsBack(agent, call))
                    .ifPresent(call -> reservations.reserve(call, agent));
        }
    }

    /**
     * Another waiting caller who should have {@code agent} before {@code call} (higher priority, or waiting
     * longer, over all the agent's queues), if any. The book can learn that an agent is free before the router
     * has offered them anything (the agent API stores the status, then the router reads the agent again), and a
     * new caller deciding in between must not overtake the callers already waiting for that agent.
     */
    private Optional<RoutedCall> fairerCallFor(AgentId agent, RoutedCall call) {
        if (!(book.taskFor(agent) instanceof Selection.Offer best) || best.task().equals(call.task.id())) {
            return Optional.empty();
        }
        return calls.ofTask(best.task())
                .filter(other -> other != call && other.isWaiting() && other.onHold && !other.deciding);
    }

    /**
     * Puts the call's task among the waiting ones, with the agents who already missed it; a preferred agent who
     * missed it is preferred no more, even once the misses are forgotten for another round.
     */
    WaitingTask keepWaiting(RoutedCall call) {
        call.preferred = call.preferred.filter(p -> !call.tried.contains(p.agent()));
        WaitingTask task = new WaitingTask(call.task, call.preferred, call.tried, Optional.of(call.pbx));
        book.waiting(task);
        return task;
    }

    /** Decides again at {@code at} (a workflow step ends, a preference lapses), with one timer per time. */
    private void recheck(RoutedCall call, Instant at) {
        if (call.recheckAt.filter(at::equals).isPresent()) {
            return;
        }
        call.recheckAt = Optional.of(at);
        timers.schedule(between(clock.instant(), at), () -> {
            if (call.recheckAt.filter(at::equals).isPresent()) {
                call.recheckAt = Optional.empty();
                decide(call);
            }
        });
    }

    /** The queued callbacks of waiting callers. */
    QueuedCallbacks callbacks() {
        return callbacks;
    }

    /**
     * From now on queued callbacks that stand are kept in {@code store}, and those it holds from before a restart
     * are put back among the waiting tasks, keeping their place ({@link StandingCallbacks}).
     */
    public void keepCallbacks(PendingCallbacks store) {
        callbacks.keepIn(store, queues);
    }

    /**
     * From now on each inbound call's step is kept in {@code store} as well, for the node that owns its PBX next
     * ({@link CallsInFlight}); one write per step, not awaited.
     */
    public void keepCallsIn(CallsInFlight store) {
        calls.keepIn(store);
    }

    /**
     * This node is about to connect to {@code pbx} as its new owner: the calls the last owner kept for it ({@code
     * held}) are held again as they were, and each meets its fate once the PBX's resync lists the live legs
     * ({@link CallHandover}). What other nodes told of the PBX's phones is forgotten: a phone whose call ended
     * during the failover may never be reported idle to this node (FreeSWITCH's phone states come from channels this
     * node never saw begin), so its phones count as free until the PBX reports them otherwise, as after a reconnect.
     */
    public void takeOver(PbxId pbx, List<HeldCall> held) {
        book.pbxGone(pbx).forEach(agent -> {
            agentMayBeFree(agent);
            callerRules.memberChanged(agent);
        });
        handover.takeOver(pbx, held);
    }

    /** This node lost {@code pbx}: its calls are dropped, unrecorded; the new owner carries them on. */
    public void letGo(PbxId pbx) {
        handover.letGo(pbx);
    }

    /** From now on queues whose preferred-agent rule asks for the CRM account owner ask {@code owners}. */
    public void useAccountOwners(AccountOwners owners) {
        preferences.useAccountOwners(owners);
    }

    /** From now on queued callbacks get their new calls' ids from {@code ids} (for Asterisk {@code <pbx>/<id>}). */
    void callbackIds(Function<PbxId, CallId> ids) {
        callbacks.callIds(ids);
    }

    /** The server's time now, by which the router times workflows and waits. */
    Instant now() {
        return clock.instant();
    }

    private <T> void on(CompletionStage<T> stage, Consumer<T> then, Consumer<Throwable> failed) {
        Stages.on(stage, context, then, failed);
    }

    private static TaskQueue defaults(QueueId queue) {
        return KnownQueues.defaults(queue);
    }
}
