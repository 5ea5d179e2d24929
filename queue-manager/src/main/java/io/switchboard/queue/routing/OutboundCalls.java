package io.switchboard.queue.routing;

import io.switchboard.core.agent.AgentState;
import io.switchboard.core.agent.AgentStatus;
import io.switchboard.core.call.AmdResult;
import io.switchboard.core.call.HangupCause;
import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.event.PbxEvent;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;
import io.switchboard.core.id.PbxId;
import io.switchboard.core.id.TaskId;
import io.switchboard.core.port.AgentStateStore;
import io.switchboard.core.port.CallControl;
import io.switchboard.core.port.CommandResult;
import io.switchboard.core.port.OriginateRequest;
import io.switchboard.core.port.PbxEventListener;
import io.switchboard.core.port.StatusUpdate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.InstantSource;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Outbound calls placed for one nailed-up agent (a manual or preview call): the agent must be available with
 * an open line; Switchboard reserves the agent, asks the PBX to call the customer into the outbound glue, and
 * follows the call:
 * <ul>
 *   <li>{@code OriginateFailed}: busy, no answer or failed; the agent is available again.</li>
 *   <li>AMD {@code MACHINE}: the agent is released at once; the glue hangs up or leaves the message.</li>
 *   <li>AMD {@code HUMAN}/{@code NOTSURE}: the glue joins the customer to the agent's line;
 *       {@code CallConnected} puts the agent on the call; the end of the call starts wrap-up.</li>
 *   <li>{@code MachineMessageLeft}: the call ends as {@code machine-message} rather than {@code machine}.</li>
 *   <li>{@code SafeHarbourPlayed}: the person who answered gets no agent; the agent is released at once and the
 *       call is {@code abandoned}, as is any person who answered but was never connected (back on hold, or hung
 *       up first). This is what the outbound abandonment rate counts.</li>
 *   <li>{@code CallTransferred}: the call ends as {@code transferred} when the transfer starts; a connected
 *       agent goes to wrap-up, as app_queue does after a transfer.</li>
 * </ul>
 * The outcome of a hang-up is decided by {@link OutboundProgress#outcomeOnHangUp}.
 * Runs on the routing context, like {@link InboundRouter}.
 */
public final class OutboundCalls implements PbxEventListener {

    private static final Logger LOG = LoggerFactory.getLogger(OutboundCalls.class);

    /** What {@link #dial} did. */
    public sealed interface Dial permits Dial.Placed, Dial.Refused {

        /** The PBX accepted the call; its progress arrives as events and in the call record. */
        record Placed(CallId call, TaskId task) implements Dial {
        }

        /**
         * Nothing was dialled.
         *
         * @param errorId {@code agent-not-found}, {@code agent-line-not-open}, {@code agent-not-available},
         *                {@code pbx-not-attached} or {@code pbx-refused}
         */
        record Refused(String errorId, String message) implements Dial {
        }
    }

    private final AgentLines lines;
    private final AgentStateStore states;
    private final CallControls controls;
    private final OutboundJournal journal;
    private final RoutingTimers timers;
    private final OutboundPolicy policy;
    private final Function<PbxId, CallId> newCallIds;
    private final InstantSource clock;
    private final Executor context;
    private final AgentMoves moves;
    private final Consumer<AgentId> released;
    private final Map<CallId, OutboundProgress> calls = new LinkedHashMap<>();

    OutboundCalls(AgentLines lines, AgentStateStore states, CallControls controls, OutboundJournal journal,
                  RoutingTimers timers, OutboundPolicy policy, Function<PbxId, CallId> newCallIds, InstantSource clock,
                  Executor context, AgentMoves moves, Consumer<AgentId> released) {
        this.lines = lines;
        this.states = states;
        this.controls = controls;
        this.journal = journal;
        this.timers = timers;
        this.policy = policy;
        this.newCallIds = newCallIds;
        this.clock = clock;
        this.context = context;
        this.moves = moves;
        this.released = released;
    }

    /**
     * Calls {@code to} for {@code agent}, who must be known ({@code agentKnown}), available and nailed up. Must
     * be called on the routing context; the stage completes there.
     */
    public CompletionStage<Dial> dial(AgentId agent, boolean agentKnown, PhoneNumber to,
                                      Optional<PhoneNumber> callerId) {
        CompletableFuture<Dial> done = new CompletableFuture<>();
        if (!agentKnown) {
            done.complete(new Dial.Refused("agent-not-found", "no agent with id '" + agent.value() + "'"));
            return done;
        }
        Optional<AgentLines.Line> line = lines.lineOf(agent);
        if (line.isEmpty()) {
            done.complete(new Dial.Refused("agent-line-not-open",
                    "agent '" + agent.value() + "' has no open line; open it with POST /api/v1/agents/{id}/session"));
            return done;
        }
        Stages.on(states.read(agent), context, stored -> {
            AgentStatus current = stored.orElseGet(() -> AgentStatus.initial(clock.instant()));
            if (!current.isRoutable()) {
                done.complete(notAvailable(agent, current.state()));
                return;
            }
            Stages.on(states.compareAndSet(agent, current.version(),
                    current.moveTo(AgentState.RESERVED, clock.instant()).orElseThrow()), context, update -> {
                if (update instanceof StatusUpdate.Conflict) {
                    done.complete(notAvailable(agent, AgentState.RESERVED));
                } else {
                    place(agent, line.get(), to, callerId, done);
                }
            }, done::completeExceptionally);
        }, done::completeExceptionally);
        return done;
    }

    private void place(AgentId agent, AgentLines.Line line, PhoneNumber to, Optional<PhoneNumber> callerId,
                       CompletableFuture<Dial> done) {
        Optional<CallControl> control = controls.of(line.pbx());
        if (control.isEmpty()) {
            release(agent);
            done.complete(new Dial.Refused("pbx-not-attached", "the agent's PBX " + line.pbx() + " is not attached"));
            return;
        }
        CallId call = newCallIds.apply(line.pbx());
        LegId customerLeg = LegId.of(call.value());
        LegId agentLeg = LegId.of(call.value() + "-agent");
        TaskId task = TaskId.of("task-" + call.value());
        OriginateRequest request = new OriginateRequest(call, customerLeg, to, callerId, policy.ringTimeout(),
                OutboundPolicy.MIN_RING, true, variables(agent, task));
        calls.put(call, new OutboundProgress(agent, agentLeg));
        write(new OutboundEntry.Dialled(call, clock.instant(), line.pbx(), task, agent, customerLeg, to, callerId,
                agentLeg, line.leg()));
        LOG.info("event=outbound-dialling callId={} taskId={} agentId={} to={}", call, task, agent, to.masked());
        Stages.on(control.get().originate(request), context, result -> {
            if (result instanceof CommandResult.Failed failed) {
                LOG.warn("event=outbound-refused callId={} errorId={}", call, failed.errorId());
                end(call, OutboundOutcome.FAILED, Optional.empty());
                done.complete(new Dial.Refused("pbx-refused", "the PBX refused the call: " + failed.message()));
            } else {
                done.complete(new Dial.Placed(call, task));
            }
        }, failure -> {
            end(call, OutboundOutcome.FAILED, Optional.empty());
            done.completeExceptionally(failure);
        });
    }

    @Override
    public void onEvent(PbxEvent event) {
        if (event instanceof PbxEvent.OriginateFailed failed && calls.containsKey(failed.call())) {
            end(failed.call(), OutboundProgress.ofUnanswered(failed.cause()), Optional.of(failed.cause()));
        } else if (event instanceof PbxEvent.LegAnswered answered && calls.containsKey(answered.call())) {
            calls.get(answered.call()).answered();
            write(new OutboundEntry.Answered(answered.call(), answered.at(), answered.leg()));
        } else if (event instanceof PbxEvent.AnsweringMachineDetected amd && calls.containsKey(amd.call())) {
            detected(amd);
        } else if (event instanceof PbxEvent.CallConnected connected && calls.containsKey(connected.call())) {
            connected(connected);
        } else if (event instanceof PbxEvent.SafeHarbourPlayed played && calls.containsKey(played.call())) {
            safeHarbour(played);
        } else if (event instanceof PbxEvent.MachineMessageLeft left && calls.containsKey(left.call())) {
            OutboundProgress call = calls.get(left.call());
            call.messageLeft();
            LOG.info("event=outbound-machine-message callId={} agentId={}", left.call(), call.agent);
            releaseOnce(call);
        } else if (event instanceof PbxEvent.CallTransferred transferred && calls.containsKey(transferred.call())) {
            LOG.info("event=outbound-transferred callId={} agentId={} target={}", transferred.call(),
                    calls.get(transferred.call()).agent, transferred.target());
            write(new OutboundEntry.Transferred(transferred.call(), transferred.at(), transferred.target()));
            end(transferred.call(), OutboundOutcome.TRANSFERRED, Optional.empty());
        } else if (event instanceof PbxEvent.CallReturnedToHold back && calls.containsKey(back.call())) {
            LOG.info("event=outbound-agent-gone callId={} reason={}", back.call(), back.reason());
            controls.of(back.pbx()).ifPresent(c -> c.hangup(back.call(), HangupCause.NORMAL_CLEARING));
        } else if (event instanceof PbxEvent.LegHungUp hungUp && calls.containsKey(hungUp.call())) {
            end(hungUp.call(), calls.get(hungUp.call()).outcomeOnHangUp(hungUp.cause()), Optional.of(hungUp.cause()));
        }
    }

    private void detected(PbxEvent.AnsweringMachineDetected e) {
        OutboundProgress call = calls.get(e.call());
        if (!call.detected(e.result())) {
            return;
        }
        write(new OutboundEntry.Detected(e.call(), e.at(), e.result()));
        LOG.info("event=outbound-amd callId={} agentId={} result={}", e.call(), call.agent, e.result());
        if (e.result() == AmdResult.MACHINE) {
            releaseOnce(call);
        }
    }

    private void connected(PbxEvent.CallConnected e) {
        OutboundProgress call = calls.get(e.call());
        if (!call.connect()) {
            return;
        }
        write(new OutboundEntry.Connected(e.call(), e.at(), call.agent, call.agentLeg));
        LOG.info("event=outbound-connected callId={} agentId={}", e.call(), call.agent);
        moves.move(call.agent, AgentState.ON_CALL, () -> { });
    }

    /** The person who answered gets the safe-harbour message instead of the agent: the agent is free now. */
    private void safeHarbour(PbxEvent.SafeHarbourPlayed e) {
        OutboundProgress call = calls.get(e.call());
        if (!call.safeHarbour(e.reason())) {
            return;
        }
        LOG.info("event=outbound-safe-harbour callId={} agentId={} reason={}", e.call(), call.agent, e.reason());
        if (!call.connected()) {
            releaseOnce(call);
        }
    }

    private void end(CallId id, OutboundOutcome outcome, Optional<HangupCause> cause) {
        OutboundProgress call = calls.remove(id);
        if (call == null) {
            return;
        }
        write(new OutboundEntry.Ended(id, clock.instant(), outcome, cause));
        LOG.info("event=outbound-ended callId={} agentId={} outcome={}", id, call.agent, outcome.slug());
        if (call.connected() && call.release()) {
            moves.move(call.agent, AgentState.WRAP_UP, () -> timers.schedule(policy.wrapUp(), () -> release(call.agent)));
        } else {
            releaseOnce(call);
        }
    }

    private void releaseOnce(OutboundProgress call) {
        if (call.release()) {
            release(call.agent);
        }
    }

    private void release(AgentId agent) {
        moves.move(agent, AgentState.AVAILABLE, () -> released.accept(agent));
    }

    private Map<String, String> variables(AgentId agent, TaskId task) {
        Map<String, String> variables = new HashMap<>();
        variables.put("SWITCHBOARD_AGENT", agent.value());
        variables.put("SWITCHBOARD_TASK", task.value());
        variables.put("SWITCHBOARD_MACHINE_ACTION", policy.machine() == OutboundPolicy.MachineAction.MESSAGE
                ? "message" : "hangup");
        policy.machineMessage().ifPresent(m -> variables.put("SWITCHBOARD_MACHINE_MESSAGE", m));
        policy.safeHarbourMessage().ifPresent(m -> variables.put("SWITCHBOARD_SAFE_HARBOUR", m));
        return variables;
    }

    private void write(OutboundEntry entry) {
        journal.record(entry).whenComplete((ok, failure) -> {
            if (failure != null) {
                LOG.warn("event=journal-write-failed callId={} entry={} reason={}", entry.call(),
                        entry.getClass().getSimpleName(), failure.toString());
            }
        });
    }

    private static Dial.Refused notAvailable(AgentId agent, AgentState state) {
        return new Dial.Refused("agent-not-available", "agent '" + agent.value() + "' is "
                + state.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + ", not available");
    }
}
