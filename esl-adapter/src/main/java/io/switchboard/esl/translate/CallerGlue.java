package io.switchboard.esl.translate;

import io.switchboard.core.call.AmdResult;
import io.switchboard.core.call.Did;
import io.switchboard.core.call.HoldReason;
import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.event.PbxEvent;
import io.switchboard.core.id.LegId;
import io.switchboard.core.id.QueueId;
import io.switchboard.esl.EslEventHeaders;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The glue's events about a caller: announce, hold, the ring of an agent, answering-machine detection. */
final class CallerGlue {

    private static final Did NO_NUMBER = Did.of("s");

    private final String defaultRegion;
    private final Consumer<String> skipped;

    CallerGlue(String defaultRegion, Consumer<String> skipped) {
        this.defaultRegion = defaultRegion;
        this.skipped = skipped;
    }

    /** {@code inbound_call}, or the first {@code caller_on_hold} of a caller not announced: {@code CallOffered} once. */
    List<PbxEvent> offered(EslEventHeaders event, Instant at, EslChannels channels) {
        Optional<TrackedLeg> caller = GlueEvents.channel(event, channels);
        if (caller.isEmpty()) {
            skipped.accept("CUSTOM/switchboard::inbound_call(no live channel)");
            return List.of();
        }
        if (!channels.glue().announce(caller.get().uuid())) {
            return List.of();
        }
        Did dialled = did(GlueEvents.field(event, "Switchboard-DNID"));
        return List.of(new PbxEvent.CallOffered(channels.pbx(), at, caller.get().call(), caller.get().leg(),
                phoneNumber(GlueEvents.field(event, "Caller-Caller-ID-Number")), dialled, phoneNumber(Optional.of(dialled.value())),
                GlueEvents.field(event, "Switchboard-Queue").map(QueueId::of)));
    }

    /**
     * {@code caller_on_hold}: Reason {@code NEW} (or none, for a caller not announced yet) offers the call;
     * {@code ANNOUNCED} (back from {@code switchboard_announce}) reports nothing: the caller still waits; any other
     * Reason means the caller is back on hold, naming the agent leg when a ring failed.
     */
    List<PbxEvent> onHold(EslEventHeaders event, Instant at, EslChannels channels) {
        Optional<String> reason = GlueEvents.field(event, "Switchboard-Reason");
        Optional<String> uuid = event.first("Unique-ID");
        if (uuid.isEmpty()) {
            skipped.accept("CUSTOM/switchboard::caller_on_hold(no Unique-ID)");
            return List.of();
        }
        if (reason.filter("NEW"::equals).isPresent() || reason.isEmpty() && !channels.announced(uuid.get())) {
            return offered(event, at, channels);
        }
        if (reason.filter("ANNOUNCED"::equals).isPresent()) {
            return List.of();
        }
        Optional<String> failedDial = channels.glue().takeFailedDial(uuid.get());
        Optional<String> why = reason.or(() -> failedDial);
        Optional<TrackedLeg> caller = channels.find(uuid.get());
        if (why.isEmpty() || caller.isEmpty()) {
            skipped.accept("CUSTOM/switchboard::caller_on_hold(" + (why.isEmpty() ? "no reason" : "unknown channel") + ")");
            return List.of();
        }
        HoldReason holdReason = HoldReasons.of(why.get());
        Optional<LegId> failedLeg = HoldReasons.isFailedRing(holdReason)
                ? channels.agentLegs().takeFailed(caller.get().call()) : Optional.empty();
        return List.of(new PbxEvent.CallReturnedToHold(channels.pbx(), at, caller.get().call(), failedLeg, holdReason));
    }

    /** {@code agent_dial_result}: a failure is remembered for the {@code caller_on_hold} that follows it. */
    List<PbxEvent> dialResult(EslEventHeaders event, EslChannels channels) {
        Optional<String> uuid = event.first("Unique-ID");
        Optional<String> disposition = GlueEvents.field(event, "Switchboard-Disposition");
        if (uuid.isPresent() && disposition.isPresent() && !"SUCCESS".equals(disposition.get())) {
            channels.glue().dialFailed(uuid.get(), disposition.get());
        }
        return List.of();
    }

    /** {@code amd}: NOTBUILT (no mod_amd) counts as not sure, as on Asterisk without app_amd. */
    List<PbxEvent> amd(EslEventHeaders event, Instant at, EslChannels channels) {
        AmdResult result = switch (GlueEvents.field(event, "Switchboard-Status").orElse("")) {
            case "HUMAN" -> AmdResult.HUMAN;
            case "MACHINE" -> AmdResult.MACHINE;
            case "NOTSURE", "NOTBUILT" -> AmdResult.NOTSURE;
            default -> null;
        };
        Optional<TrackedLeg> leg = GlueEvents.channel(event, channels);
        if (result == null || leg.isEmpty()) {
            skipped.accept("CUSTOM/switchboard::amd(" + (result == null ? "unknown status" : "no live channel") + ")");
            return List.of();
        }
        return List.of(new PbxEvent.AnsweringMachineDetected(channels.pbx(), at, leg.get().call(), leg.get().leg(), result));
    }

    /**
     * The DNID as a {@link Did}, so that no caller is lost to an odd value: characters a DID cannot hold are
     * dropped, and a missing one (the DID file did not set {@code switchboard_dnid}) becomes {@code s}, "no
     * number dialled", as on the Asterisk side.
     */
    static Did did(Optional<String> dnid) {
        StringBuilder kept = new StringBuilder();
        dnid.orElse("").chars().filter(c -> Character.isLetterOrDigit(c) && c < 128 || c == '+' || c == '*' || c == '#')
                .limit(Did.MAX_LENGTH).forEach(c -> kept.append((char) c));
        return kept.length() == 0 ? NO_NUMBER : Did.of(kept.toString());
    }

    private Optional<PhoneNumber> phoneNumber(Optional<String> raw) {
        if (raw.isEmpty() || raw.get().chars().noneMatch(Character::isDigit)) {
            return Optional.empty();
        }
        try {
            return Optional.of(PhoneNumber.parse(raw.get(), defaultRegion, "number"));
        } catch (IllegalArgumentException notANumber) {
            return Optional.empty();
        }
    }
}
