package io.switchboard.esl.translate;

import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.event.PbxEvent;
import io.switchboard.esl.EslEventHeaders;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The hold glue's {@code switchboard::callback} event: a waiting caller pressed a key to be called back, fired
 * on the caller's leg ({@code Unique-ID}) before the confirmation plays and the caller is hung up. Whether the
 * key asks for a callback is the queue's decision, so any single key is reported.
 */
final class CallbackGlue {

    private static final String KEYS = "0123456789*#";

    private final String defaultRegion;
    private final Consumer<String> skipped;

    CallbackGlue(String defaultRegion, Consumer<String> skipped) {
        this.defaultRegion = defaultRegion;
        this.skipped = skipped;
    }

    /**
     * {@code Switchboard-Digit}: the key, one of {@code 0-9 * #}; {@code Switchboard-Number}, when set and a
     * phone number, the number to call back (else the caller's own). A missing or odd digit, or a leg that is
     * not live, is counted and not reported.
     */
    List<PbxEvent> requested(EslEventHeaders event, Instant at, EslChannels channels) {
        Optional<String> digit = GlueEvents.field(event, "Switchboard-Digit")
                .filter(key -> key.length() == 1 && KEYS.indexOf(key.charAt(0)) >= 0);
        if (digit.isEmpty()) {
            skipped.accept("CUSTOM/switchboard::callback(no valid Digit)");
            return List.of();
        }
        Optional<TrackedLeg> leg = GlueEvents.channel(event, channels);
        if (leg.isEmpty()) {
            skipped.accept("CUSTOM/switchboard::callback(no live channel)");
            return List.of();
        }
        return List.of(new PbxEvent.CallbackRequested(channels.pbx(), at, leg.get().call(), leg.get().leg(),
                digit.get().charAt(0), GlueEvents.field(event, "Switchboard-Number").flatMap(this::number)));
    }

    private Optional<PhoneNumber> number(String raw) {
        if (raw.chars().noneMatch(Character::isDigit)) {
            return Optional.empty();
        }
        try {
            return Optional.of(PhoneNumber.parse(raw, defaultRegion, "number"));
        } catch (IllegalArgumentException notANumber) {
            return Optional.empty();
        }
    }
}
