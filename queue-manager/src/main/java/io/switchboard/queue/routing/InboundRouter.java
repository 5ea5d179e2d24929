package io.switchboard.queue.routing;

import io.switchboard.core.agent.Agent;
import io.switchboard.core.agent.AgentState;
import io.switchboard.core.agent.AgentStatus;
import io.switchboard.core.call.HangupCause;
import io.switchboard.core.call.HoldReason;
import io.switchboard.core.event.PbxEvent;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;
import io.switchboard.core.id.QueueId;
import io.switchboard.core.id.TaskId;
import io.switchboard.core.port.AgentDirectory;
import io.switchboard.core.port.AgentStateStore;
import io.switchboard.core.port.CommandResult;
import io.switchboard.core.port.PbxEventListener;
import io.switchboard.core.port.StatusUpdate;
import io.switchboard.core.routing.RoutingStrategy;
import io.switchboard.core.routing.Task;
import io.switchboard.core.routing.TaskQueue;
import io.switchboard.core.routing.TaskStatus;
import io.switchboard.queue.routing.AgentPicker.Candidate;
import io.switchboard.queue.routing.RoutedCall.Offer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * A minimal inbound router: every offered call becomes a task in its queue, offered to one agent at a time
 * (picked by {@link AgentPicker}, reserved by compare-and-set in the {@link AgentStateStore}), rung through
 * the PBX's {@link CallControl}, and followed to connect, hang-up and wrap-up. No polling: a waiting task is
 * looked at again only when an event or an agent's state change could let it move.
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

    private final Candidates candidates;
    private final TaskQueues queues;
    private final AgentStateStore states;
    private final AgentOffers offers;
    private final RoutingJournal journal;
    private final RoutingTimers timers;
    private final InstantSource clock;
    private final Executor context;
    private final Map<CallId, RoutedCall> calls = new LinkedHashMap<>();
    private final Map<AgentId, Integer> misses = new HashMap<>();
    private final AgentMoves moves;

    public InboundRouter(AgentDirectory agents, TaskQueues queues, AgentStateStore states, CallControls callControls,
                         RoutingJournal journal, RoutingTimers timers, InstantSource clock, Executor context) {
        this(agents, queues, states, callControls, journal, timers, clock, context,
                new AgentMoves(states, clock, context), new AgentLines());
    }

    /** Sharing agent moves and open lines with the rest of {@link RoutingEngine}. */
    InboundRouter(AgentDirectory agents, TaskQueues queues, AgentStateStore states, CallControls callControls,
                  RoutingJournal journal, RoutingTimers timers, InstantSource clock, Executor context,
                  AgentMoves moves, AgentLines lines) {
        this.candidates = new Candidates(agents, states, lines);
        this.queues = queues;
        this.states = states;
        this.offers = new AgentOffers(callControls, lines, clock);
        this.journal = journal;
        this.timers = timers;
        this.clock = clock;
        this.context = context;
        this.moves = moves;
    }

    @Override
    public void onEvent(PbxEvent event) {
        if (event instanceof PbxEvent.CallOffered offered) {
            offered(offered);
        } else if (event instanceof PbxEvent.LegHungUp hungUp) {
            hungUp(hungUp);
        } else if (event instanceof PbxEvent.CallReturnedToHold back) {
            returnedToHold(back);
        } else if (event instanceof PbxEvent.CallConnected connected) {
            connected(connected);
        } else if (event instanceof PbxEvent.CallTransferred transferred) {
            transferred(transferred);
        }
    }

    /** An agent's state changed outside the router (e.g. the agent API set it available): waiting tasks are tried again. */
    public void agentStateChanged(AgentId agent) {
        LOG.debug("event=agent-state-changed agentId={}", agent);
        reconsiderWaiting();
    }

    /** The tasks the router holds now (waiting, ringing an agent or talking), oldest first. */
    public List<Task> tasks() {
        return calls.values().stream().map(call -> call.task).toList();
    }

    /** How many offers {@code agent} has missed (no answer, busy, unreachable) since this router started. */
    public int missesOf(AgentId agent) {
        return misses.getOrDefault(agent, 0);
    }

    private void offered(PbxEvent.CallOffered e) {
        if (calls.containsKey(e.call())) {
            return;
        }
        QueueId queueId = e.queueHint().orElse(DEFAULT_QUEUE);
        Task task = Task.inboundCall(TaskId.of("task-" + e.call().value()), e.call(), e.caller(), queueId, 0, e.at(),
                Map.of());
        RoutedCall call = new RoutedCall(e.pbx(), e.leg(), defaults(queueId), task,
                QueuePositions.waitingIn(calls.values(), queueId) + 1);
        call.deciding = true;
        calls.put(e.call(), call);
        LOG.info("event=task-created taskId={} callId={} queueId={}", task.id(), e.call(), queueId);
        write(new JournalEntry.Entered(e.call(), queueId, e.at(), e.pbx(), e.leg(), e.caller(), e.dialled(),
                call.originalPosition));
        on(queues.find(queueId), found -> {
            call.queue = found.orElse(call.queue);
            call.deciding = false;
            decide(call);
        }, failure -> {
            call.deciding = false;
            decide(call);
        });
    }

    private void hungUp(PbxEvent.LegHungUp e) {
        RoutedCall call = calls.get(e.call());
        if (call == null) {
            return;
        }
        if (call.isOffered(e.leg()) && call.connectedAt.isEmpty()) {
            missed(call, e.leg(), e.cause(), e.at());
        } else if (e.leg().equals(call.callerLeg)) {
            if (call.connectedAt.isPresent()) {
                completed(call, call.agentGoneAt.isEmpty(), call.agentGoneAt.orElse(e.at()));
            } else {
                abandoned(call, e.at());
            }
        } else if (call.isOffered(e.leg()) && call.agentGoneAt.isEmpty()) {
            agentHungUp(call, e.at());
        }
    }

    /**
     * The connected agent hung up first: the agent's wrap-up starts now, but the record waits up to
     * {@link #TRANSFER_GRACE} for the caller's hang-up or a transfer, whichever tells how the call ended.
     */
    private void agentHungUp(RoutedCall call, Instant at) {
        call.agentGoneAt = Optional.of(at);
        wrapUp(call);
        timers.schedule(TRANSFER_GRACE, () -> {
            if (calls.get(call.id()) == call) {
                completed(call, false, at);
            }
        });
    }

    /**
     * The caller was blind-transferred away ({@code BLINDTRANSFER}): the call leaves the queue. An agent who
     * talked to the caller goes to wrap-up, as after app_queue's transfer; a caller still waiting frees the
     * agent being offered the call, if any. A transfer of another leg of the call is not the caller's.
     */
    private void transferred(PbxEvent.CallTransferred e) {
        RoutedCall call = calls.get(e.call());
        if (call == null || !e.leg().equals(call.callerLeg)) {
            return;
        }
        calls.remove(call.id());
        Optional<Offer> talkedTo = call.connectedAt.isPresent() ? call.offer : Optional.empty();
        Instant answered = call.connectedAt.orElse(e.at());
        LOG.info("event=task-transferred taskId={} callId={} agentId={} target={}", call.task.id(), call.id(),
                talkedTo.map(Offer::agent).orElse(null), e.target());
        write(new JournalEntry.Transferred(call.id(), call.queue.id(), e.at(), talkedTo.map(Offer::agent),
                call.callerLeg, talkedTo.map(Offer::recorded), e.target(), between(call.task.created(), answered),
                between(answered, call.agentGoneAt.orElse(e.at())), call.originalPosition));
        if (talkedTo.isEmpty()) {
            call.moveTo(TaskStatus.CANCELED);
            call.offer.ifPresent(offer -> moves.move(offer.agent(), AgentState.AVAILABLE, this::reconsiderWaiting));
        } else if (call.agentGoneAt.isEmpty()) {
            wrapUp(call);
        }
    }

    private void returnedToHold(PbxEvent.CallReturnedToHold e) {
        RoutedCall call = calls.get(e.call());
        if (call != null && call.connectedAt.isPresent() && e.reason() == HoldReason.AGENT_LEFT) {
            agentLeft(call, e.at());
            return;
        }
        if (call == null || call.connectedAt.isPresent()) {
            return;
        }
        call.onHold = true;
        call.offer.map(Offer::leg).ifPresent(leg -> missed(call, leg, causeOf(e.reason()), e.at()));
        decide(call);
    }

    /**
     * A nailed-up agent's line ended mid-call and the glue put the caller back on hold: the conversation is
     * over for the agent (wrap-up), and the caller waits for the next agent as a new task of the same call.
     */
    private void agentLeft(RoutedCall call, Instant at) {
        completed(call, false, at);
        Task task = Task.inboundCall(TaskId.of("task-" + call.id().value() + "-" + (call.legs + 1)), call.id(),
                call.task.customer(), call.queue.id(), 0, at, Map.of());
        RoutedCall again = new RoutedCall(call.pbx, call.callerLeg, call.queue, task,
                QueuePositions.waitingIn(calls.values(), call.queue.id()) + 1);
        again.legs = call.legs;
        calls.put(call.id(), again);
        LOG.info("event=task-requeued taskId={} callId={} reason=AGENT_LEFT", task.id(), call.id());
        write(new JournalEntry.Requeued(call.id(), call.queue.id(), at, call.callerLeg, call.task.customer(),
                again.originalPosition));
        decide(again);
    }

    private void connected(PbxEvent.CallConnected e) {
        RoutedCall call = calls.get(e.call());
        if (call == null || !call.isOffered(e.agentLeg()) || call.connectedAt.isPresent()) {
            return;
        }
        Offer offer = call.offer.orElseThrow();
        call.connectedAt = Optional.of(e.at());
        call.moveTo(TaskStatus.ASSIGNED);
        LOG.info("event=task-assigned taskId={} callId={} agentId={}", call.task.id(), e.call(), offer.agent());
        write(new JournalEntry.Connected(e.call(), call.queue.id(), e.at(), offer.agent(), offer.recorded(),
                between(call.task.created(), e.at()), between(offer.since(), e.at())));
        moves.move(offer.agent(), AgentState.ON_CALL, () -> { });
    }

    private void missed(RoutedCall call, LegId leg, HangupCause cause, Instant at) {
        if (!call.isOffered(leg) || call.connectedAt.isPresent()) {
            return;
        }
        Offer offer = call.offer.orElseThrow();
        call.offer = Optional.empty();
        call.tried.add(offer.agent());
        call.moveTo(TaskStatus.PENDING);
        misses.merge(offer.agent(), 1, Integer::sum);
        LOG.info("event=agent-missed taskId={} agentId={} legId={} cause={}", call.task.id(), offer.agent(), leg, cause);
        write(new JournalEntry.AgentMissed(call.id(), call.queue.id(), at, offer.agent(), offer.recorded(),
                between(offer.since(), at), cause));
        moves.move(offer.agent(), AgentState.AVAILABLE, this::reconsiderWaiting);
    }

    private void abandoned(RoutedCall call, Instant at) {
        int position = QueuePositions.position(calls.values(), call);
        calls.remove(call.id());
        call.moveTo(TaskStatus.CANCELED);
        LOG.info("event=task-canceled taskId={} callId={} reason=CALLER_ABANDONED", call.task.id(), call.id());
        write(new JournalEntry.Abandoned(call.id(), call.queue.id(), at, call.callerLeg, position,
                call.originalPosition, between(call.task.created(), at)));
        call.offer.ifPresent(offer -> moves.move(offer.agent(), AgentState.AVAILABLE, this::reconsiderWaiting));
    }

    private void completed(RoutedCall call, boolean callerHungUp, Instant at) {
        calls.remove(call.id());
        Offer offer = call.offer.orElseThrow();
        Instant answered = call.connectedAt.orElseThrow();
        LOG.info("event=task-completed taskId={} callId={} agentId={} callerHungUp={}", call.task.id(), call.id(),
                offer.agent(), callerHungUp);
        write(new JournalEntry.Completed(call.id(), call.queue.id(), at, offer.agent(), call.callerLeg,
                offer.recorded(), callerHungUp, between(call.task.created(), answered), between(answered, at),
                call.originalPosition));
        if (call.agentGoneAt.isEmpty()) {
            wrapUp(call);
        }
    }

    /** The conversation is over for the agent: wrap-up for the queue's time, then available. */
    private void wrapUp(RoutedCall call) {
        Offer offer = call.offer.orElseThrow();
        call.moveTo(TaskStatus.WRAPPING);
        moves.move(offer.agent(), AgentState.WRAP_UP, () -> timers.schedule(call.queue.wrapUp(), () -> {
            call.moveTo(TaskStatus.COMPLETED);
            moves.move(offer.agent(), AgentState.AVAILABLE, this::reconsiderWaiting);
        }));
    }

    private void reconsiderWaiting() {
        List.copyOf(calls.values()).forEach(this::decide);
    }

    /** Looks for an agent for {@code call}, unless it is not waiting on hold or a decision is already under way. */
    private void decide(RoutedCall call) {
        if (calls.get(call.id()) != call || !call.isWaiting() || !call.onHold || call.deciding) {
            return;
        }
        call.deciding = true;
        on(candidates.of(call.queue.id(), call.pbx), candidates -> {
            call.deciding = false;
            if (calls.get(call.id()) != call || !call.isWaiting()) {
                return;
            }
            Optional<Agent> picked = AgentPicker.pick(call.queue.id(), candidates, call.tried);
            if (picked.isEmpty() && !call.tried.isEmpty()) {
                picked = AgentPicker.pick(call.queue.id(), candidates, Set.of());
                picked.ifPresent(again -> call.tried.clear());
            }
            picked.ifPresentOrElse(agent -> reserve(call, agent, statusOf(agent, candidates)),
                    () -> LOG.debug("event=task-waiting taskId={} queueId={}", call.task.id(), call.queue.id()));
        }, failure -> call.deciding = false);
    }

    private void reserve(RoutedCall call, Agent agent, AgentStatus available) {
        AgentStatus reserved = available.moveTo(AgentState.RESERVED, clock.instant()).orElseThrow();
        call.deciding = true;
        on(states.compareAndSet(agent.id(), available.version(), reserved), update -> {
            call.deciding = false;
            if (update instanceof StatusUpdate.Conflict) {
                LOG.debug("event=reservation-conflict taskId={} agentId={}", call.task.id(), agent.id());
                decide(call);
            } else if (calls.get(call.id()) != call || !call.isWaiting()) {
                moves.move(agent.id(), AgentState.AVAILABLE, this::reconsiderWaiting);
            } else {
                ring(call, agent);
            }
        }, failure -> call.deciding = false);
    }

    /** Joins the call to the agent's open line on the call's PBX when there is one, else rings the device. */
    private void ring(RoutedCall call, Agent agent) {
        AgentOffers.Sent sent = offers.send(call, call.id(), agent);
        Offer offer = sent.offer();
        call.offer = Optional.of(offer);
        call.onHold = false;
        call.moveTo(TaskStatus.RESERVED);
        LOG.info("event=agent-reserved taskId={} callId={} agentId={} legId={} joined={}", call.task.id(),
                call.id(), agent.id(), offer.leg(), sent.joined());
        write(new JournalEntry.AgentRung(call.id(), call.queue.id(), offer.since(), agent.id(), offer.recorded(),
                sent.endpoint()));
        if (sent.command().isEmpty()) {
            LOG.warn("event=pbx-not-attached taskId={} pbx={}", call.task.id(), call.pbx);
            call.onHold = true;
            missed(call, offer.leg(), HangupCause.OTHER, offer.since());
            return;
        }
        on(sent.command().get(), result -> {
            if (result instanceof CommandResult.Failed failed) {
                LOG.warn("event=connect-refused taskId={} legId={} errorId={}", call.task.id(), offer.leg(),
                        failed.errorId());
                call.onHold = true;
                missed(call, offer.leg(), HangupCause.OTHER, clock.instant());
            }
        }, failure -> {
            call.onHold = true;
            missed(call, offer.leg(), HangupCause.OTHER, clock.instant());
        });
    }

    private <T> void on(CompletionStage<T> stage, Consumer<T> then, Consumer<Throwable> failed) {
        Stages.on(stage, context, then, failed);
    }

    private void write(JournalEntry entry) {
        journal.record(entry).whenComplete((ok, failure) -> {
            if (failure != null) {
                LOG.warn("event=journal-write-failed callId={} entry={} reason={}", entry.call(),
                        entry.getClass().getSimpleName(), failure.toString());
            }
        });
    }

    private static TaskQueue defaults(QueueId queue) {
        return TaskQueue.of(queue, queue.value(), RoutingStrategy.LONGEST_IDLE);
    }

    private static AgentStatus statusOf(Agent agent, List<Candidate> candidates) {
        return candidates.stream().filter(c -> c.agent().id().equals(agent.id())).findFirst().orElseThrow().status();
    }

    private static Duration between(Instant from, Instant to) {
        Duration d = Duration.between(from, to);
        return d.isNegative() ? Duration.ZERO : d;
    }

    private static HangupCause causeOf(HoldReason reason) {
        return switch (reason) {
            case NO_ANSWER -> HangupCause.NO_ANSWER;
            case BUSY -> HangupCause.USER_BUSY;
            case CONGESTION -> HangupCause.SWITCH_CONGESTION;
            default -> HangupCause.OTHER;
        };
    }
}
