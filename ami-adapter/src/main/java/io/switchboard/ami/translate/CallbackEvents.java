package io.switchboard.ami.translate;

import io.switchboard.ami.channel.ChannelRegistry;
import io.switchboard.ami.channel.ChannelSnapshot;
import io.switchboard.ami.translate.userevent.CallbackRequestedEvent;
import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.event.PbxEvent;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The hold glue's {@code CallbackRequested} UserEvent: a waiting caller pressed a key to be called back. The
 * event names the caller's channel by the standard {@code Uniqueid} header; whether the key asks for a callback
 * is the queue's decision, so any single key is reported.
 */
final class CallbackEvents {

    private final ChannelRegistry registry;
    private final String defaultRegion;
    private final Counters counters;

    CallbackEvents(ChannelRegistry registry, String defaultRegion, Counters counters) {
        this.registry = registry;
        this.defaultRegion = defaultRegion;
        this.counters = counters;
    }

    /**
     * {@code CallbackRequested}: Digit, one of {@code 0-9 * #}; Number, when set and a phone number, the number
     * to call back. A missing or odd Digit, or a channel the registry never saw, is counted and not reported.
     */
    List<PbxEvent> requested(CallbackRequestedEvent e, Instant at) {
        String digit = Headers.value(e.getDigit());
        if (digit == null || digit.length() != 1 || "0123456789*#".indexOf(digit.charAt(0)) < 0) {
            counters.skipped("UserEvent:CallbackRequested(no valid Digit)");
            return List.of();
        }
        String uniqueid = Headers.value(e.getUniqueId());
        Optional<CallId> call = uniqueid == null ? Optional.empty()
                : registry.byUniqueid(uniqueid).flatMap(ChannelSnapshot::callId);
        Optional<LegId> leg = call.isEmpty() ? Optional.empty() : registry.legOf(uniqueid);
        if (leg.isEmpty()) {
            counters.skipped("UserEvent:CallbackRequested(unknown channel)");
            return List.of();
        }
        return List.of(new PbxEvent.CallbackRequested(registry.pbx(), at, call.get(), leg.get(), digit.charAt(0),
                number(Headers.value(e.getNumber()))));
    }

    private Optional<PhoneNumber> number(String raw) {
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
