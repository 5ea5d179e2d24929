package io.switchboard.ami.translate;

import io.switchboard.ami.channel.ChannelRegistry;
import io.switchboard.ami.channel.ChannelSnapshot;
import io.switchboard.ami.translate.userevent.AgentDialResultEvent;
import io.switchboard.ami.translate.userevent.AmdEvent;
import io.switchboard.ami.translate.userevent.CallerOnHoldEvent;
import io.switchboard.ami.translate.userevent.SwitchboardUserEvent;
import io.switchboard.core.call.AmdResult;
import io.switchboard.core.call.Did;
import io.switchboard.core.call.HoldReason;
import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.event.PbxEvent;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;
import io.switchboard.core.id.QueueId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The UserEvents of the shipped glue. Caller number, Uniqueid and Linkedid come from the standard channel
 * headers, so both the recorded glue (which repeats them, Quirk 7) and the revised glue (which does not) work.
 */
final class GlueEvents {

    /** The Reason of a caller back on hold after {@code switchboard-announce}: still waiting, nothing happened. */
    static final String ANNOUNCED = "ANNOUNCED";

    private static final Did NO_NUMBER = Did.of("s");

    private final ChannelRegistry registry;
    private final String defaultRegion;
    private final Counters counters;
    private final Dials dials;

    GlueEvents(ChannelRegistry registry, String defaultRegion, Counters counters, Dials dials) {
        this.registry = registry;
        this.defaultRegion = defaultRegion;
        this.counters = counters;
        this.dials = dials;
    }

    /** InboundCall, or the first CallerOnHold of a caller the glue did not announce (Reason NEW or none). */
    List<PbxEvent> offered(SwitchboardUserEvent e, Instant at) {
        String uniqueid = Headers.value(e.getUniqueId());
        if (uniqueid == null || registry.announced(uniqueid)) {
            return List.of();
        }
        Optional<CallId> call = registry.announce(uniqueid);
        if (call.isEmpty()) {
            counters.skipped("UserEvent:InboundCall(unknown channel)");
            return List.of();
        }
        Did dialled = did(Headers.value(e.getDnid()));
        String queue = Headers.value(e.getQueue());
        return List.of(new PbxEvent.CallOffered(registry.pbx(), at, call.get(),
                registry.legOf(uniqueid).orElseThrow(),
                phoneNumber(Headers.value(e.getCallerIdNum())), dialled, phoneNumber(dialled.value()),
                Optional.ofNullable(queue).map(QueueId::of)));
    }

    /**
     * A caller waits in hold. Reason NEW may announce the call. Any other Reason means the caller is back
     * on hold: an agent dial failed (its leg was already reported as {@code LegHungUp} by its DialEnd), the
     * nailed-up agent was gone, or Switchboard put the caller back. The recorded glue sends no Reason; there
     * the first CallerOnHold announces the call, and one after a failed {@code AgentDialResult} is a return
     * with that DIALSTATUS. Reason {@code ANNOUNCED} (back from a wait announcement) reports nothing.
     */
    List<PbxEvent> onHold(CallerOnHoldEvent e, Instant at) {
        String uniqueid = Headers.value(e.getUniqueId());
        String reason = Headers.value(e.getReason());
        if (uniqueid == null) {
            return List.of();
        }
        if ("NEW".equals(reason) || reason == null && !registry.announced(uniqueid)) {
            return offered(e, at);
        }
        if (ANNOUNCED.equals(reason)) {
            return List.of();
        }
        Optional<String> failedDial = dials.takeFailedStatus(uniqueid);
        Optional<LegId> failedLeg = dials.takeFailedLeg(uniqueid);
        if (reason == null && failedDial.isEmpty()) {
            return List.of();
        }
        HoldReason why = Causes.ofHoldReason(reason != null ? reason : failedDial.get());
        Optional<CallId> call = registry.byUniqueid(uniqueid).flatMap(ChannelSnapshot::callId);
        if (call.isEmpty()) {
            counters.skipped("UserEvent:CallerOnHold(unknown channel)");
            return List.of();
        }
        boolean agentDialFailed = why == HoldReason.NO_ANSWER || why == HoldReason.BUSY
                || why == HoldReason.UNAVAILABLE || why == HoldReason.CONGESTION;
        return List.of(new PbxEvent.CallReturnedToHold(registry.pbx(), at, call.get(),
                agentDialFailed ? failedLeg : Optional.empty(), why));
    }

    /** The connect context's verdict on an agent dial; a failure is remembered for the CallerOnHold that follows. */
    List<PbxEvent> agentDialResult(AgentDialResultEvent e) {
        String uniqueid = Headers.value(e.getUniqueId());
        String status = Headers.value(e.getDialStatus());
        if (uniqueid != null && status != null && !"ANSWER".equals(status)) {
            dials.failedWith(uniqueid, status);
        }
        return List.of();
    }

    /** AMD's verdict; NOTBUILT (no app_amd, Quirk 27) counts as not sure; HANGUP and others say nothing. */
    List<PbxEvent> amd(AmdEvent e, Instant at) {
        String uniqueid = Headers.value(e.getUniqueId());
        String status = Headers.value(e.getStatus());
        AmdResult result = status == null ? null : switch (status) {
            case "MACHINE" -> AmdResult.MACHINE;
            case "HUMAN" -> AmdResult.HUMAN;
            case "NOTSURE", "NOTBUILT" -> AmdResult.NOTSURE;
            default -> null;
        };
        if (result == null) {
            return List.of();
        }
        return registry.byUniqueid(uniqueid).flatMap(ChannelSnapshot::callId)
                .flatMap(call -> registry.legOf(uniqueid).map(leg -> (PbxEvent)
                        new PbxEvent.AnsweringMachineDetected(registry.pbx(), at, call, leg, result)))
                .map(List::of).orElse(List.of());
    }

    /**
     * The DNID as a {@link Did}, so that no announced caller is lost to an odd DNID: characters an
     * extension cannot hold are dropped, and a missing DNID (Local channels have none, Quirk 19) becomes
     * {@code s}, Asterisk's extension for "no number dialled".
     */
    private static Did did(String dnid) {
        if (dnid == null) {
            return NO_NUMBER;
        }
        StringBuilder kept = new StringBuilder();
        dnid.chars().filter(c -> Character.isLetterOrDigit(c) && c < 128 || c == '+' || c == '*' || c == '#')
                .limit(Did.MAX_LENGTH).forEach(c -> kept.append((char) c));
        return kept.length() == 0 ? NO_NUMBER : Did.of(kept.toString());
    }

    private Optional<PhoneNumber> phoneNumber(String raw) {
        if (raw == null || raw.chars().noneMatch(Character::isDigit)) {
            return Optional.empty();
        }
        try {
            return Optional.of(PhoneNumber.parse(raw, defaultRegion, "number"));
        } catch (IllegalArgumentException notANumber) {
            return Optional.empty();
        }
    }
}
