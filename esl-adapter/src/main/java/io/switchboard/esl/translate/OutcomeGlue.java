package io.switchboard.esl.translate;

import io.switchboard.core.event.PbxEvent;
import io.switchboard.core.event.SafeHarbourReason;
import io.switchboard.core.event.TransferTarget;
import io.switchboard.esl.EslEventHeaders;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The glue's events that tell how a call left Switchboard's hands: {@code safe_harbour} (an answered outbound
 * call found no agent), {@code amd_message_left} (a message was left on a machine) and {@code call_transferred}
 * (a blind transfer to the admin's context). Each is fired on the leg it is about ({@code Unique-ID}).
 */
final class OutcomeGlue {

    private final Consumer<String> skipped;

    OutcomeGlue(Consumer<String> skipped) {
        this.skipped = skipped;
    }

    /**
     * {@code safe_harbour}: Reason {@code NOAGENT}, {@code AGENTABSENT} or {@code NOTCONNECTED} (the agent's
     * leg was there but no {@code uuid_bridge} came within {@code switchboard_connect_wait}). An unknown or
     * missing Reason is still reported, as {@code OTHER}: the call was not connected, and the abandonment rate
     * must count it.
     */
    List<PbxEvent> safeHarbour(EslEventHeaders event, Instant at, EslChannels channels) {
        SafeHarbourReason reason = switch (GlueEvents.field(event, "Switchboard-Reason").orElse("")) {
            case "NOAGENT" -> SafeHarbourReason.NO_AGENT;
            case "AGENTABSENT" -> SafeHarbourReason.AGENT_ABSENT;
            case "NOTCONNECTED" -> SafeHarbourReason.NOT_CONNECTED;
            default -> SafeHarbourReason.OTHER;
        };
        return onLeg(event, channels, "safe_harbour", leg -> new PbxEvent.SafeHarbourPlayed(channels.pbx(), at,
                leg.call(), leg.leg(), GlueEvents.field(event, "Switchboard-Agent").flatMap(AgentGlue::agentId), reason));
    }

    /** {@code amd_message_left}: the machine message finished playing; the glue hangs up next. */
    List<PbxEvent> messageLeft(EslEventHeaders event, Instant at, EslChannels channels) {
        return onLeg(event, channels, "amd_message_left",
                leg -> new PbxEvent.MachineMessageLeft(channels.pbx(), at, leg.call(), leg.leg()));
    }

    /**
     * {@code broadcast}: an agentless campaign's live answer heard the message; {@code Switchboard-Status}
     * {@code OPTEDOUT} when the callee pressed the opt-out digit, else ({@code HEARD}) not.
     */
    List<PbxEvent> broadcast(EslEventHeaders event, Instant at, EslChannels channels) {
        boolean optedOut = GlueEvents.field(event, "Switchboard-Status").filter("OPTEDOUT"::equals).isPresent();
        return onLeg(event, channels, "broadcast",
                leg -> new PbxEvent.BroadcastPlayed(channels.pbx(), at, leg.call(), leg.leg(), optedOut));
    }

    /** {@code call_transferred}: Target and Target-Context, both set (the glue holds the caller otherwise). */
    List<PbxEvent> transferred(EslEventHeaders event, Instant at, EslChannels channels) {
        Optional<TransferTarget> target = target(GlueEvents.field(event, "Switchboard-Target"),
                GlueEvents.field(event, "Switchboard-Target-Context"));
        if (target.isEmpty()) {
            skipped.accept("CUSTOM/switchboard::call_transferred(no valid Target or Target-Context)");
            return List.of();
        }
        return onLeg(event, channels, "call_transferred",
                leg -> new PbxEvent.CallTransferred(channels.pbx(), at, leg.call(), leg.leg(), target.get()));
    }

    private List<PbxEvent> onLeg(EslEventHeaders event, EslChannels channels, String name,
                                 Function<TrackedLeg, PbxEvent> translate) {
        Optional<TrackedLeg> leg = GlueEvents.channel(event, channels);
        if (leg.isEmpty()) {
            skipped.accept("CUSTOM/switchboard::" + name + "(no live channel)");
            return List.of();
        }
        return List.of(translate.apply(leg.get()));
    }

    private static Optional<TransferTarget> target(Optional<String> number, Optional<String> context) {
        if (number.isEmpty() || context.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new TransferTarget(number.get(), context.get()));
        } catch (IllegalArgumentException invalid) {
            return Optional.empty();
        }
    }
}
