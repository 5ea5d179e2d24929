package io.switchboard.queue.routing;

import io.switchboard.core.agent.Agent;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;
import io.switchboard.core.id.PbxId;
import io.switchboard.core.port.CallControl;
import io.switchboard.core.port.CommandResult;
import io.switchboard.queue.routing.RoutedCall.Offer;

import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * How a waiting call is offered to the agent the router reserved: joined at once to the agent's open line
 * on the call's PBX (nailed-up), else the agent's device is rung (ring-on-demand) by the call's PBX, through a
 * trunk when the device is on another PBX. Touched only on the router's context.
 */
final class AgentOffers {

    /**
     * One offer as sent.
     *
     * @param endpoint what was rung: the device, or for a join the agent's session leg
     * @param command  the PBX's answer to the command; empty when the call's PBX is not attached
     */
    record Sent(Offer offer, String endpoint, boolean joined, Optional<CompletionStage<CommandResult>> command) {
    }

    /** What a call's PBX dials to ring an agent's device: the device, or a trunk to the device's own PBX. */
    @FunctionalInterface
    interface Endpoints {
        Optional<String> of(PbxId callPbx, Agent agent);
    }

    private final CallControls controls;
    private final AgentLines lines;
    private final InstantSource clock;
    private final Endpoints endpoints;

    AgentOffers(CallControls controls, AgentLines lines, InstantSource clock) {
        this(controls, lines, clock, (pbx, agent) -> agent.device());
    }

    AgentOffers(CallControls controls, AgentLines lines, InstantSource clock, Endpoints endpoints) {
        this.controls = controls;
        this.lines = lines;
        this.clock = clock;
        this.endpoints = endpoints;
    }

    /** Offers {@code call} (whose id is {@code id}) to {@code agent}. A join's offer carries the session leg. */
    Sent send(RoutedCall call, CallId id, Agent agent) {
        LegId recorded = LegId.of(id.value() + "-agent-" + (++call.legs));
        Optional<AgentLines.Line> line = lines.lineOf(agent.id()).filter(l -> l.pbx().equals(call.pbx));
        LegId leg = line.map(AgentLines.Line::leg).orElse(recorded);
        Offer offer = new Offer(agent.id(), leg, recorded, clock.instant());
        Optional<String> endpoint = line.map(l -> l.leg().value()).or(() -> endpoints.of(call.pbx, agent));
        if (endpoint.isEmpty()) {
            // the line closed between the pick and now, and there is no device to ring instead
            return new Sent(offer, "", false, Optional.of(CompletableFuture.completedFuture(new CommandResult.Failed(
                    "agent-unreachable", "agent " + agent.id() + " has neither an open line nor a device"))));
        }
        Optional<CallControl> control = controls.of(call.pbx);
        return new Sent(offer, endpoint.get(), line.isPresent(), control.map(pbx -> line.isPresent()
                ? pbx.joinToAgent(id, agent.id())
                : pbx.connectToAgent(id, leg, endpoint.get(), call.queue.reservationTimeout())));
    }

    /**
     * Whether {@code call} may ring several agents at once: its PBX can ({@link CallControl#ringsSeveralLegs})
     * and {@code first}, the agent the strategy put first, has no open line there (a join is answered at once,
     * so nobody else needs to ring). A queued callback reserves one agent before it calls the customer.
     */
    boolean canRingSeveral(RoutedCall call, AgentId first) {
        return call.callback.isEmpty() && controls.of(call.pbx).filter(CallControl::ringsSeveralLegs).isPresent()
                && !hasLine(call, first);
    }

    /** Whether {@code agent} has an open line on the call's PBX. */
    boolean hasLine(RoutedCall call, AgentId agent) {
        return lines.lineOf(agent).filter(l -> l.pbx().equals(call.pbx)).isPresent();
    }

    /**
     * Rings {@code agent}'s device on a leg of its own, one of several for {@code call} (ring-all,
     * ring-progressively), showing the caller's number on it as app_queue does.
     */
    Sent ringLeg(RoutedCall call, Agent agent) {
        LegId leg = LegId.of(call.id().value() + "-agent-" + (++call.legs));
        Offer offer = new Offer(agent.id(), leg, leg, clock.instant());
        Optional<String> endpoint = endpoints.of(call.pbx, agent);
        if (endpoint.isEmpty()) {
            return new Sent(offer, "", false, Optional.of(CompletableFuture.completedFuture(new CommandResult.Failed(
                    "agent-unreachable", "agent " + agent.id() + " has no device the call's PBX can ring"))));
        }
        return new Sent(offer, endpoint.get(), false, controls.of(call.pbx).map(pbx -> pbx.ringAgentLeg(
                call.id(), leg, endpoint.get(), call.queue.reservationTimeout(), call.task.customer())));
    }

    /** Stops a ringing agent leg of {@link #ringLeg}; nothing when the call's PBX is not attached. */
    void cancel(RoutedCall call, LegId leg) {
        controls.of(call.pbx).ifPresent(pbx -> pbx.cancelAgentLeg(call.id(), leg));
    }
}
