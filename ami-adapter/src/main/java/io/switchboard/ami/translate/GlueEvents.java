package io.switchboard.ami.translate;

import io.switchboard.ami.channel.ChannelRegistry;
import io.switchboard.ami.channel.ChannelSnapshot;
import io.switchboard.ami.translate.userevent.AmdEvent;
import io.switchboard.ami.translate.userevent.CallerOnHoldEvent;
import io.switchboard.ami.translate.userevent.SwitchboardUserEvent;
import io.switchboard.core.call.AmdResult;
import io.switchboard.core.call.Did;
import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.event.PbxEvent;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.QueueId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The UserEvents of the shipped glue. Caller number, Uniqueid and Linkedid come from the standard channel
 * headers, so both the recorded glue (which repeats them, Quirk 7) and the revised glue (which does not) work.
 */
final class GlueEvents {

    private static final Did NO_NUMBER = Did.of("s");

    private final ChannelRegistry registry;
    private final String defaultRegion;
    private final Counters counters;

    GlueEvents(ChannelRegistry registry, String defaultRegion, Counters counters) {
        this.registry = registry;
        this.defaultRegion = defaultRegion;
        this.counters = counters;
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
     * A caller waits in hold. Reason NEW (or none, as in the recorded glue) may announce the call; any other
     * Reason means an agent dial failed and the caller is back on hold. Core has no event for that yet: the
     * failed agent leg was already reported as {@code LegHungUp} with the DIALSTATUS cause by its DialEnd.
     */
    List<PbxEvent> onHold(CallerOnHoldEvent e, Instant at) {
        String reason = Headers.value(e.getReason());
        if (reason == null || "NEW".equals(reason)) {
            return offered(e, at);
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
