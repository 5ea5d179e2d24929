package io.switchboard.queue.dialer;

import io.switchboard.core.call.AmdResult;
import io.switchboard.core.call.HangupCause;
import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.event.PbxEvent;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.CampaignId;
import io.switchboard.core.id.LegId;
import io.switchboard.core.id.PbxId;
import io.switchboard.core.id.TaskId;
import io.switchboard.core.port.CallControl;
import io.switchboard.core.port.CommandResult;
import io.switchboard.core.port.OriginateRequest;
import io.switchboard.core.port.PbxEventListener;
import io.switchboard.queue.dialer.pacing.DialOutcomes;
import io.switchboard.queue.routing.AgentLines;
import io.switchboard.queue.routing.CallControls;
import io.switchboard.queue.routing.OutboundEntry;
import io.switchboard.queue.routing.OutboundJournal;
import io.switchboard.queue.routing.OutboundOutcome;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link CampaignCallPlacer} of the routing engine: places a campaign's calls into the outbound glue and
 * follows each to its end, as {@code OutboundCalls} does for one agent's calls. A call placed for a reserved agent
 * (progressive, preview, an agent's own callback) names the agent and the glue joins it at the live answer. A call
 * placed without one (power, predictive) names only its campaign: at the live answer (AMD human, not sure, not
 * built; a machine too when the campaign's machine action is {@code agent}) the glue waits up to its connect wait
 * (2 s) while this picks a free nailed-up agent of the campaign's queue through the {@link CampaignFloor} (longest
 * idle first, reserved with the ACD's own compare-and-set, so an inbound caller and a campaign call never get the
 * same agent) and joins them ({@link CallControl#joinToAgent}). With nobody free the call waits, oldest answer
 * first, for the next agent routing frees ({@link #agentFreed}); when the glue's wait runs out it plays the
 * safe-harbour message and the call is abandoned. An agentless campaign's call ({@link #broadcast}) never waits
 * for an agent: its live answer hears the broadcast, and the glue's {@code BroadcastPlayed} makes it end as
 * {@code broadcast} or {@code opted-out}.
 *
 * <p>Every call's end is told once to the {@link CampaignCallEnded} listener, written to the call record
 * ({@code calls} with campaign and lead) and as a {@code campaign_call_results} row through the
 * {@link OutboundJournal}. A connected agent goes to wrap-up; an agent reserved for a call that never reached them
 * is released at once. Runs on the routing context; stages complete there.
 */
public final class CampaignCalls implements CampaignCallPlacer, PbxEventListener {

    private static final Logger LOG = LoggerFactory.getLogger(CampaignCalls.class);

    private final AgentLines lines;
    private final CallControls controls;
    private final CampaignFloor floor;
    private final CampaignAgentSteps steps;
    private final OutboundJournal journal;
    private final CampaignCallEnded ended;
    private final InstantSource clock;
    private final Executor context;
    private final Map<CallId, CampaignCall> calls = new LinkedHashMap<>();
    private Function<CampaignId, Optional<DialOutcomes>> outcomes = campaign -> Optional.empty();

    public CampaignCalls(AgentLines lines, CallControls controls, CampaignFloor floor, CampaignAgentSteps steps,
                         OutboundJournal journal, CampaignCallEnded ended, InstantSource clock, Executor context) {
        this.lines = lines;
        this.controls = controls;
        this.floor = floor;
        this.steps = steps;
        this.journal = journal;
        this.ended = ended;
        this.clock = clock;
        this.context = context;
    }

    /**
     * {@inheritDoc} The PBX is the reserved agent's line's; without an agent it is the one {@code call}'s id names
     * (the routing engine's ids are {@code <pbx>/<id>}, made by the dialer for the PBX its agents are on).
     */
    @Override
    public CompletionStage<Placement> place(CampaignSettings campaign, DueLead lead, CallId call,
                                            Optional<PhoneNumber> callerId, Optional<AgentId> agent) {
        if (campaign.broadcast().isPresent()) {
            return refused("broadcast-campaign", "an agentless campaign's calls are placed as broadcasts");
        }
        return originate(campaign, lead, call, callerId, agent);
    }

    /**
     * {@inheritDoc} The PBX is the one {@code call}'s id names; the glue's broadcast branch takes the live answer
     * ({@code SWITCHBOARD_BROADCAST}), so no agent is sought for it ({@code CampaignCall#waitingForAgent}).
     */
    @Override
    public CompletionStage<Placement> broadcast(CampaignSettings campaign, DueLead lead, CallId call,
                                                Optional<PhoneNumber> callerId) {
        if (campaign.broadcast().isEmpty()) {
            return refused("not-a-broadcast", "campaign " + campaign.campaign().id().value() + " has no broadcast");
        }
        return originate(campaign, lead, call, callerId, Optional.empty());
    }

    @Override
    public int inProgress(CampaignId campaign, Instant now) {
        return (int) calls.values().stream().filter(c -> c.campaign.campaign().id().equals(campaign)).count();
    }

    private CompletionStage<Placement> originate(CampaignSettings campaign, DueLead lead, CallId call,
                                                 Optional<PhoneNumber> callerId, Optional<AgentId> agent) {
        Optional<AgentLines.Line> line = agent.flatMap(lines::lineOf);
        if (agent.isPresent() && line.isEmpty()) {
            return refused("agent-line-not-open", "agent '" + agent.get().value() + "' has no open line");
        }
        Optional<PbxId> pbx = line.map(AgentLines.Line::pbx).or(() -> pbxOf(call));
        Optional<CallControl> control = pbx.flatMap(controls::of);
        if (control.isEmpty()) {
            return refused("pbx-not-attached", "the PBX of call " + call + " is not attached");
        }
        Instant now = clock.instant();
        TaskId task = TaskId.of("task-" + call.value());
        LegId customerLeg = LegId.of(call.value());
        CampaignCall placed = new CampaignCall(campaign, lead, call, pbx.get(), now, agent);
        calls.put(call, placed);
        write(new OutboundEntry.CampaignDialled(call, now, pbx.get(), task, campaign.campaign().id(), lead.id(),
                customerLeg, lead.number(), callerId));
        line.ifPresent(l -> write(new OutboundEntry.AgentAssigned(call, now, agent.get(), agentLeg(call), l.leg())));
        LOG.info("event=campaign-dialling callId={} campaignId={} leadId={} agentId={} to={}", call,
                campaign.campaign().id(), lead.id(), agent.map(AgentId::value).orElse(""), lead.number().masked());
        OriginateRequest request = new OriginateRequest(call, customerLeg, lead.number(), callerId,
                campaign.ringTimeout(), CampaignSettings.MIN_RING, true,
                CampaignVariables.of(campaign, lead, task, agent));
        CompletableFuture<Placement> done = new CompletableFuture<>();
        OnContext.then(control.get().originate(request), context, result -> {
            if (result instanceof CommandResult.Failed failed) {
                LOG.warn("event=campaign-call-refused callId={} errorId={}", call, failed.errorId());
                forget(call);
                done.complete(new Placement.Refused("pbx-refused", "the PBX refused the call: " + failed.message()));
            } else {
                tell(placed, figures -> figures.dialled(now));
                done.complete(new Placement.Placed(call));
            }
        }, failure -> {
            forget(call);
            done.completeExceptionally(failure);
        });
        return done;
    }

    /**
     * Where each campaign's pacer learns what happens to its calls (dialled, answered live or by a machine, not
     * answered, connected, abandoned, talk and wrap-up times); none until set.
     */
    public void outcomes(Function<CampaignId, Optional<DialOutcomes>> figures) {
        this.outcomes = figures;
    }

    private void tell(CampaignCall call, Consumer<DialOutcomes> what) {
        outcomes.apply(call.campaign.campaign().id()).ifPresent(what);
    }

    @Override
    public List<Duration> ringing(CampaignId campaign, Instant now) {
        List<Duration> ringing = new ArrayList<>();
        for (CampaignCall call : calls.values()) {
            if (call.campaign.campaign().id().equals(campaign) && call.ringing()) {
                ringing.add(call.placedAt.isAfter(now) ? Duration.ZERO : Duration.between(call.placedAt, now));
            }
        }
        return ringing;
    }

    @Override
    public int waitingForAgent(CampaignId campaign) {
        return (int) calls.values().stream()
                .filter(c -> c.campaign.campaign().id().equals(campaign) && c.waitingForAgent()).count();
    }

    @Override
    public void onEvent(PbxEvent event) {
        if (event instanceof PbxEvent.OriginateFailed failed && calls.containsKey(failed.call())) {
            end(failed.call(), CampaignCall.ofUnanswered(failed.cause()), Optional.of(failed.cause()), false);
        } else if (event instanceof PbxEvent.LegAnswered answered && calls.containsKey(answered.call())) {
            calls.get(answered.call()).answered(answered.at());
            write(new OutboundEntry.Answered(answered.call(), answered.at(), answered.leg()));
        } else if (event instanceof PbxEvent.AnsweringMachineDetected amd && calls.containsKey(amd.call())) {
            detected(amd);
        } else if (event instanceof PbxEvent.CallConnected connected && calls.containsKey(connected.call())) {
            connected(connected);
        } else if (event instanceof PbxEvent.SafeHarbourPlayed played && calls.containsKey(played.call())) {
            CampaignCall call = calls.get(played.call());
            if (call.safeHarbour(played.at())) {
                LOG.info("event=campaign-safe-harbour callId={} reason={}", call.call, played.reason());
                releaseUnconnected(call);
            }
        } else if (event instanceof PbxEvent.MachineMessageLeft left && calls.containsKey(left.call())) {
            CampaignCall call = calls.get(left.call());
            call.messageLeft(left.at());
            releaseUnconnected(call);
        } else if (event instanceof PbxEvent.BroadcastPlayed played && calls.containsKey(played.call())) {
            calls.get(played.call()).broadcastPlayed(played.optedOut(), played.at());
            LOG.info("event=campaign-broadcast-played callId={} optedOut={}", played.call(), played.optedOut());
        } else if (event instanceof PbxEvent.CallTransferred transferred && calls.containsKey(transferred.call())) {
            write(new OutboundEntry.Transferred(transferred.call(), transferred.at(), transferred.target()));
            end(transferred.call(), calls.get(transferred.call()).result(HangupCause.NORMAL_CLEARING),
                    Optional.empty(), true);
        } else if (event instanceof PbxEvent.CallReturnedToHold back && calls.containsKey(back.call())) {
            // the agent's line ended during the call or before the join: the customer is not left on hold
            LOG.info("event=campaign-agent-gone callId={} reason={}", back.call(), back.reason());
            controls.of(back.pbx()).ifPresent(c -> c.hangup(back.call(), HangupCause.NORMAL_CLEARING));
        } else if (event instanceof PbxEvent.LegHungUp hungUp && calls.containsKey(hungUp.call())) {
            end(hungUp.call(), calls.get(hungUp.call()).result(hungUp.cause()), Optional.of(hungUp.cause()), false);
        }
    }

    /**
     * Routing freed {@code agent} (or an agent's state changed elsewhere): the oldest live answers still waiting
     * look for an agent again, so one freed within the glue's connect wait takes a waiting call.
     */
    public void agentFreed(AgentId agent) {
        calls.values().stream().filter(CampaignCall::waitingForAgent).toList().forEach(this::seekAgent);
    }

    private void detected(PbxEvent.AnsweringMachineDetected e) {
        CampaignCall call = calls.get(e.call());
        if (!call.detected(e.result(), e.at())) {
            return;
        }
        write(new OutboundEntry.Detected(e.call(), e.at(), e.result()));
        Duration ring = between(call.placedAt, call.answeredAt().orElse(e.at()));
        tell(call, figures -> {
            if (call.live()) {
                figures.answeredLive(e.at(), ring);
            } else {
                figures.answeredMachine(e.at(), ring);
            }
        });
        LOG.info("event=campaign-amd callId={} result={} live={}", e.call(), e.result(), call.live());
        if (call.waitingForAgent()) {
            seekAgent(call);
        } else if (e.result() == AmdResult.MACHINE && !call.live()) {
            releaseUnconnected(call);
        }
    }

    /** Looks for a free agent of the campaign's queue for a waiting call; one search per call at a time. */
    private void seekAgent(CampaignCall call) {
        if (!call.startSeeking()) {
            return;
        }
        OnContext.then(floor.look(call.campaign, clock.instant()), context,
                agents -> tryReserve(call, agents.ready(), 0),
                failure -> {
                    call.stopSeeking();
                    LOG.warn("event=campaign-floor-failed callId={} reason={}", call.call, failure.toString());
                });
    }

    /** Reserves the ready agents in turn (longest idle first) until one is won; none: the call keeps waiting. */
    private void tryReserve(CampaignCall call, List<AgentId> ready, int next) {
        if (!call.waitingForAgent() || !calls.containsKey(call.call)) {
            call.stopSeeking();
            return;
        }
        if (next >= ready.size()) {
            call.stopSeeking();
            LOG.info("event=campaign-call-waiting callId={} campaignId={}", call.call, call.campaign.campaign().id());
            return;
        }
        AgentId agent = ready.get(next);
        OnContext.then(floor.reserve(agent), context, won -> {
            if (!won) {
                tryReserve(call, ready, next + 1);
            } else if (!call.waitingForAgent() || !calls.containsKey(call.call) || lines.lineOf(agent).isEmpty()) {
                call.stopSeeking();
                floor.release(agent);
            } else {
                call.stopSeeking();
                join(call, agent, lines.lineOf(agent).get());
            }
        }, failure -> {
            call.stopSeeking();
            LOG.warn("event=campaign-reserve-failed callId={} agentId={} reason={}", call.call, agent, failure.toString());
        });
    }

    private void join(CampaignCall call, AgentId agent, AgentLines.Line line) {
        call.assign(agent);
        write(new OutboundEntry.AgentAssigned(call.call, clock.instant(), agent, agentLeg(call.call), line.leg()));
        LOG.info("event=campaign-joining callId={} agentId={}", call.call, agent);
        Optional<CallControl> control = controls.of(call.pbx);
        CompletionStage<CommandResult> joined = control.map(c -> c.joinToAgent(call.call, agent))
                .orElseGet(() -> CompletableFuture.completedFuture(
                        new CommandResult.Failed("pbx-not-attached", "PBX " + call.pbx + " is not attached")));
        OnContext.then(joined, context, result -> {
            if (result instanceof CommandResult.Failed failed) {
                LOG.warn("event=campaign-join-refused callId={} agentId={} errorId={}", call.call, agent,
                        failed.errorId());
                joinFailed(call, agent);
            }
        }, failure -> joinFailed(call, agent));
    }

    /** The join did not happen: the agent is free again and the call, if still live, waits for another. */
    private void joinFailed(CampaignCall call, AgentId agent) {
        if (call.connected() || !call.agent().equals(Optional.of(agent))) {
            return;
        }
        call.unassign();
        floor.release(agent);
    }

    private void connected(PbxEvent.CallConnected e) {
        CampaignCall call = calls.get(e.call());
        if (!call.connect()) {
            return;
        }
        AgentId agent = call.agent().orElseThrow();
        write(new OutboundEntry.Connected(e.call(), e.at(), agent, agentLeg(call.call)));
        call.connectedAt = e.at();
        tell(call, figures -> figures.connected(e.at(), between(call.answeredAt().orElse(e.at()), e.at())));
        LOG.info("event=campaign-connected callId={} agentId={}", e.call(), agent);
        steps.onCall(agent);
    }

    private void end(CallId id, DialResult result, Optional<HangupCause> cause, boolean transferred) {
        CampaignCall call = calls.remove(id);
        if (call == null) {
            return;
        }
        Instant now = clock.instant();
        write(new OutboundEntry.Ended(id, now, transferred ? OutboundOutcome.TRANSFERRED
                : CampaignVariables.outcomeOf(result), cause));
        write(new OutboundEntry.CampaignEnded(id, now, call.campaign.campaign().id(), call.lead.id(), result.slug()));
        LOG.info("event=campaign-call-ended callId={} campaignId={} leadId={} result={}", id,
                call.campaign.campaign().id(), call.lead.id(), result.slug());
        tellEnd(call, result, now);
        if (call.connected()) {
            steps.wrapUp(call.agent().orElseThrow());
        } else {
            releaseUnconnected(call);
        }
        ended.ended(call.campaign.campaign().id(), call.lead.id(), id, result,
                call.connected() ? call.agent() : Optional.empty(), now);
    }

    /** The pacer's figures hear how the call ended: not answered, abandoned, or talk and wrap-up times. */
    private void tellEnd(CampaignCall call, DialResult result, Instant now) {
        tell(call, figures -> {
            if (result == DialResult.NO_ANSWER || result == DialResult.BUSY || result == DialResult.FAILED) {
                figures.unanswered(now, between(call.placedAt, now));
            } else if (result == DialResult.ABANDONED) {
                figures.abandoned(now);
            } else if (call.connected() && call.connectedAt != null) {
                figures.talkEnded(now, between(call.connectedAt, now));
                figures.wrapEnded(now, steps.wrapUpTime());
            }
        });
    }

    private static Duration between(Instant from, Instant to) {
        return from.isAfter(to) ? Duration.ZERO : Duration.between(from, to);
    }

    /** An agent reserved for a call that did not reach them is free again (once). */
    private void releaseUnconnected(CampaignCall call) {
        if (!call.connected() && call.agent().isPresent()) {
            AgentId agent = call.agent().get();
            call.unassign();
            floor.release(agent);
        }
    }

    /** A call the PBX refused: it is forgotten (the dialer gives its lead back) and its record closed. */
    private void forget(CallId call) {
        if (calls.remove(call) != null) {
            write(new OutboundEntry.Ended(call, clock.instant(), OutboundOutcome.FAILED,
                    Optional.empty()));
        }
    }

    private static LegId agentLeg(CallId call) {
        return LegId.of(call.value() + "-agent");
    }

    /** The PBX in a routing engine call id, {@code <pbx>/<id>}. */
    static Optional<PbxId> pbxOf(CallId call) {
        int slash = call.value().indexOf('/');
        return slash > 0 ? Optional.of(PbxId.of(call.value().substring(0, slash))) : Optional.empty();
    }

    private static CompletionStage<Placement> refused(String errorId, String message) {
        return CompletableFuture.completedFuture(new Placement.Refused(errorId, message));
    }

    private void write(OutboundEntry entry) {
        journal.record(entry).whenComplete((ok, failure) -> {
            if (failure != null) {
                LOG.warn("event=journal-write-failed callId={} entry={} reason={}", entry.call(),
                        entry.getClass().getSimpleName(), failure.toString());
            }
        });
    }
}
