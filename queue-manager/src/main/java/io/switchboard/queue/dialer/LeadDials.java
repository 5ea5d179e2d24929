package io.switchboard.queue.dialer;

import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.PbxId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * One lead the dialer took, from the gate to the PBX: the gate's decision, the call placed or the lead given back
 * with the gate's reason, and the agent reserved for it released whenever the call is not placed. A callback an
 * agent scheduled for themselves goes to that agent only. The stage of {@link #dial} completes (never fails) once
 * the lead is placed or given back. Runs on the routing context.
 */
final class LeadDials {

    private static final Logger LOG = LoggerFactory.getLogger(LeadDials.class);

    private final LeadQueue leads;
    private final DialGate gate;
    private final CampaignCallPlacer placer;
    private final CampaignFloor floor;
    private final Function<PbxId, CallId> newCallIds;
    private final InstantSource clock;
    private final Executor context;

    LeadDials(LeadQueue leads, DialGate gate, CampaignCallPlacer placer, CampaignFloor floor,
              Function<PbxId, CallId> newCallIds, InstantSource clock, Executor context) {
        this.leads = leads;
        this.gate = gate;
        this.placer = placer;
        this.floor = floor;
        this.newCallIds = newCallIds;
        this.clock = clock;
        this.context = context;
    }

    CompletableFuture<Void> dial(CampaignSettings settings, PbxId pbx, DueLead lead,
                                           Optional<AgentId> agent, Instant now) {
        if (lead.callbackAgent().isPresent() && !lead.callbackAgent().equals(agent)) {
            return callBackFor(settings, pbx, lead, agent, now);
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        CallId call = newCallIds.apply(pbx);
        OnContext.then(gate.check(settings, lead, call, now), context, decision -> {
            if (decision instanceof DialDecision.Dial allowed) {
                place(settings, lead, call, allowed, agent, done);
            } else {
                agent.ifPresent(floor::release);
                Optional<Instant> retryAt = decision instanceof DialDecision.Defer defer
                        ? Optional.of(defer.retryAt()) : Optional.empty();
                String reason = decision instanceof DialDecision.Defer defer ? defer.reason()
                        : ((DialDecision.Skip) decision).reason();
                giveBack(lead, retryAt, reason, now, done);
            }
        }, failure -> {
            agent.ifPresent(floor::release);
            LOG.warn("event=dial-gate-failed campaignId={} leadId={} reason={}", lead.campaign().value(),
                    lead.id().value(), failure.toString());
            giveBack(lead, Optional.of(now.plus(CampaignDialer.PBX_REFUSED_RETRY)), "gate-failed", now, done);
        });
        return done;
    }

    /**
     * A callback an agent scheduled for themselves is dialled only for that agent: the slot's own agent (if any)
     * is released, the callback's agent reserved; when they are not free the lead waits a minute.
     */
    private CompletableFuture<Void> callBackFor(CampaignSettings settings, PbxId pbx, DueLead lead,
                                                Optional<AgentId> slot, Instant now) {
        slot.ifPresent(floor::release);
        AgentId owner = lead.callbackAgent().orElseThrow();
        CompletableFuture<Void> done = new CompletableFuture<>();
        OnContext.then(floor.reserve(owner), context, reserved -> {
            if (reserved) {
                dial(settings, pbx, lead, Optional.of(owner), now).whenComplete((x, f) -> done.complete(null));
            } else {
                giveBack(lead, Optional.of(now.plus(CampaignDialer.CALLBACK_AGENT_RETRY)), "callback-agent-busy", now, done);
            }
        }, failure -> giveBack(lead, Optional.of(now.plus(CampaignDialer.CALLBACK_AGENT_RETRY)), "callback-agent-busy", now, done));
        return done;
    }

    private void place(CampaignSettings settings, DueLead lead, CallId call, DialDecision.Dial allowed,
                       Optional<AgentId> agent, CompletableFuture<Void> done) {
        OnContext.then(placer.place(settings, lead, call, allowed.callerId(), agent), context, placement -> {
            if (placement instanceof CampaignCallPlacer.Placement.Refused refused) {
                agent.ifPresent(floor::release);
                LOG.warn("event=campaign-call-refused campaignId={} leadId={} callId={} errorId={}",
                        lead.campaign().value(), lead.id().value(), call, refused.errorId());
                Instant now = clock.instant();
                giveBack(lead, Optional.of(now.plus(CampaignDialer.PBX_REFUSED_RETRY)), refused.errorId(), now, done);
            } else {
                done.complete(null);
            }
        }, failure -> {
            agent.ifPresent(floor::release);
            Instant now = clock.instant();
            giveBack(lead, Optional.of(now.plus(CampaignDialer.PBX_REFUSED_RETRY)), "pbx-unavailable", now, done);
        });
    }

    private void giveBack(DueLead lead, Optional<Instant> retryAt, String reason, Instant now,
                          CompletableFuture<Void> done) {
        OnContext.then(leads.release(lead.id(), retryAt, reason, now), context, x -> done.complete(null), failure -> {
            LOG.warn("event=lead-release-failed campaignId={} leadId={} reason={}", lead.campaign().value(),
                    lead.id().value(), failure.toString());
            done.complete(null);
        });
    }
}
