package io.switchboard.ami.translate;

import io.switchboard.ami.channel.ChannelRegistry;
import io.switchboard.ami.channel.ChannelSnapshot;
import io.switchboard.ami.translate.userevent.AmdMessageLeftEvent;
import io.switchboard.ami.translate.userevent.BroadcastPlayedEvent;
import io.switchboard.ami.translate.userevent.CallTransferredEvent;
import io.switchboard.ami.translate.userevent.SafeHarbourEvent;
import io.switchboard.ami.translate.userevent.SwitchboardUserEvent;
import io.switchboard.core.event.PbxEvent;
import io.switchboard.core.event.SafeHarbourReason;
import io.switchboard.core.event.TransferTarget;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The UserEvents that tell how a call left Switchboard's hands: {@code SafeHarbour} (an answered outbound call
 * found no agent), {@code AMDMessageLeft} (a message was left on a machine) and {@code CallTransferred} (a blind
 * transfer to the admin's context). Each names its channel by the standard {@code Uniqueid} header.
 */
final class OutcomeEvents {

    private final ChannelRegistry registry;
    private final Counters counters;

    OutcomeEvents(ChannelRegistry registry, Counters counters) {
        this.registry = registry;
        this.counters = counters;
    }

    /**
     * {@code SafeHarbour}: Reason {@code NOAGENT} or {@code AGENTABSENT}. An unknown or missing Reason is still
     * reported (as {@code OTHER}): the call was not connected whatever the glue calls it, and the
     * abandonment rate must count it.
     */
    List<PbxEvent> safeHarbour(SafeHarbourEvent e, Instant at) {
        SafeHarbourReason reason = reasonOf(Headers.value(e.getReason()));
        Optional<AgentId> agent = agentId(Headers.value(e.getAgent()));
        return onLeg(e, "SafeHarbour", (call, leg) ->
                new PbxEvent.SafeHarbourPlayed(registry.pbx(), at, call, leg, agent, reason));
    }

    /** {@code AMDMessageLeft}: the machine message finished playing; no fields besides the channel's. */
    List<PbxEvent> messageLeft(AmdMessageLeftEvent e, Instant at) {
        return onLeg(e, "AMDMessageLeft", (call, leg) -> new PbxEvent.MachineMessageLeft(registry.pbx(), at, call, leg));
    }

    /**
     * {@code BroadcastPlayed}: Status {@code OPTEDOUT} when the callee pressed the opt-out digit; anything else
     * ({@code HEARD}) is a broadcast heard without an opt-out.
     */
    List<PbxEvent> broadcast(BroadcastPlayedEvent e, Instant at) {
        boolean optedOut = "OPTEDOUT".equals(Headers.value(e.getStatus()));
        return onLeg(e, "BroadcastPlayed", (call, leg) ->
                new PbxEvent.BroadcastPlayed(registry.pbx(), at, call, leg, optedOut));
    }

    /** {@code CallTransferred}: Target and TargetContext, both set (the glue holds the caller otherwise). */
    List<PbxEvent> transferred(CallTransferredEvent e, Instant at) {
        Optional<TransferTarget> target = targetOf(Headers.value(e.getTarget()), Headers.value(e.getTargetContext()));
        if (target.isEmpty()) {
            counters.skipped("UserEvent:CallTransferred(no valid Target or TargetContext)");
            return List.of();
        }
        return onLeg(e, "CallTransferred", (call, leg) ->
                new PbxEvent.CallTransferred(registry.pbx(), at, call, leg, target.get()));
    }

    static SafeHarbourReason reasonOf(String reason) {
        if (reason == null) {
            return SafeHarbourReason.OTHER;
        }
        return switch (reason) {
            case "NOAGENT" -> SafeHarbourReason.NO_AGENT;
            case "AGENTABSENT" -> SafeHarbourReason.AGENT_ABSENT;
            case "NOTCONNECTED" -> SafeHarbourReason.NOT_CONNECTED;
            default -> SafeHarbourReason.OTHER;
        };
    }

    private List<PbxEvent> onLeg(SwitchboardUserEvent e, String name, BiFunction<CallId, LegId, PbxEvent> event) {
        String uniqueid = Headers.value(e.getUniqueId());
        Optional<CallId> call = uniqueid == null ? Optional.empty()
                : registry.byUniqueid(uniqueid).flatMap(ChannelSnapshot::callId);
        Optional<LegId> leg = call.isEmpty() ? Optional.empty() : registry.legOf(uniqueid);
        if (leg.isEmpty()) {
            counters.skipped("UserEvent:" + name + "(unknown channel)");
            return List.of();
        }
        return List.of(event.apply(call.get(), leg.get()));
    }

    private static Optional<AgentId> agentId(String value) {
        try {
            return value == null ? Optional.empty() : Optional.of(AgentId.of(value));
        } catch (IllegalArgumentException invalid) {
            return Optional.empty();
        }
    }

    private static Optional<TransferTarget> targetOf(String number, String context) {
        if (number == null || context == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new TransferTarget(number, context));
        } catch (IllegalArgumentException invalid) {
            return Optional.empty();
        }
    }
}
