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
import java.util.concurrent.CompletionStage;
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

    /**
     * Passes {@code lead} through the gate and places its call.
     *
     * @param agent the agent reserved for the call (progressive, preview), released if the call is not placed
     * @return empty once the call is placed; otherwise the reason the lead was given back (the gate's reason slug,
     *         the PBX's errorId, {@code callback-agent-busy}...). Never fails.
     */
    CompletableFuture<Optional<String>> dial(CampaignSettings settings, PbxId pbx, DueLead lead,
                                             Optional<AgentId> agent, Instant now) {
        if (lead.callbackAgent().isPresent() && !lead.callbackAgent().equals(agent)) {
            return callBackFor(settings, pbx, lead, agent, now);
        }
        CompletableFuture<Optional<String>> done = new CompletableFuture<>();
        CallId call = newCallIds.apply(pbx);
        OnContext.then(gate.check(settings, lead, call, now), context, decision -> {
            if (decision instanceof DialDecision.Dial allowed) {
                place(settings, lead, call, allowed, agent, done);
            } else if (decision instanceof DialDecision.Defer defer) {
                giveBack(lead, agent, Optional.of(defer.retryAt()), defer.reason(), now, done);
            } else {
                giveBack(lead, agent, Optional.empty(), ((DialDecision.Skip) decision).reason(), now, done);
            }
        }, failure -> {
            LOG.warn("event=dial-gate-failed campaignId={} leadId={} reason={}", lead.campaign().value(),
                    lead.id().value(), failure.toString());
            giveBack(lead, agent, Optional.of(now.plus(CampaignDialer.PBX_REFUSED_RETRY)), "gate-failed", now, done);
        });
        return done;
    }

    /**
     * A callback an agent scheduled for themselves is dialled only for that agent: the slot's own agent (if any)
     * is released, the callback's agent reserved; when they are not free the lead waits a minute.
     */
    private CompletableFuture<Optional<String>> callBackFor(CampaignSettings settings, PbxId pbx, DueLead lead,
                                                            Optional<AgentId> slot, Instant now) {
        slot.ifPresent(floor::release);
        AgentId owner = lead.callbackAgent().orElseThrow();
        Optional<Instant> later = Optional.of(now.plus(CampaignDialer.CALLBACK_AGENT_RETRY));
        CompletableFuture<Optional<String>> done = new CompletableFuture<>();
        OnContext.then(floor.reserve(owner), context, reserved -> {
            if (reserved) {
                dial(settings, pbx, lead, Optional.of(owner), now).thenAccept(done::complete);
            } else {
                giveBack(lead, Optional.empty(), later, "callback-agent-busy", now, done);
            }
        }, failure -> giveBack(lead, Optional.empty(), later, "callback-agent-busy", now, done));
        return done;
    }

    private void place(CampaignSettings settings, DueLead lead, CallId call, DialDecision.Dial allowed,
                       Optional<AgentId> agent, CompletableFuture<Optional<String>> done) {
        CompletionStage<CampaignCallPlacer.Placement> placed = settings.broadcast().isPresent()
                ? placer.broadcast(settings, lead, call, allowed.callerId())
                : placer.place(settings, lead, call, allowed.callerId(), agent);
        OnContext.then(placed, context, placement -> {
            if (placement instanceof CampaignCallPlacer.Placement.Refused refused) {
                LOG.warn("event=campaign-call-refused campaignId={} leadId={} callId={} errorId={}",
                        lead.campaign().value(), lead.id().value(), call, refused.errorId());
                Instant now = clock.instant();
                giveBack(lead, agent, Optional.of(now.plus(CampaignDialer.PBX_REFUSED_RETRY)), refused.errorId(), now,
                        done);
            } else {
                done.complete(Optional.empty());
            }
        }, failure -> {
            Instant now = clock.instant();
            giveBack(lead, agent, Optional.of(now.plus(CampaignDialer.PBX_REFUSED_RETRY)), "pbx-unavailable", now,
                    done);
        });
    }

    /** Releases the lead's agent, gives the lead back with {@code reason}, then completes {@code done} with it. */
    void giveBack(DueLead lead, Optional<AgentId> agent, Optional<Instant> retryAt, String reason, Instant now,
                  CompletableFuture<Optional<String>> done) {
        agent.ifPresent(floor::release);
        OnContext.then(leads.release(lead.id(), retryAt, reason, now), context, x -> done.complete(Optional.of(reason)),
                failure -> {
                    LOG.warn("event=lead-release-failed campaignId={} leadId={} reason={}", lead.campaign().value(),
                            lead.id().value(), failure.toString());
                    done.complete(Optional.of(reason));
                });
    }
}
