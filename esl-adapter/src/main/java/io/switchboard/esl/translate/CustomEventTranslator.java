package io.switchboard.esl.translate;

import io.switchboard.core.event.PbxEvent;
import io.switchboard.esl.EslEventHeaders;

import java.time.Instant;
import java.util.List;

/**
 * Translates one kind of {@code CUSTOM} event, chosen by its {@code Event-Subclass}: the extension point for
 * the FreeSWITCH dialplan glue's own events (inbound call announce, hold, agent dial result...), whose
 * subclass names the glue defines. Register one per subclass in {@link EslEventTranslator}; the
 * subscription then asks FreeSWITCH for {@code CUSTOM <subclass>} too.
 */
@FunctionalInterface
public interface CustomEventTranslator {

    /**
     * The core events for one CUSTOM event; empty to skip it.
     *
     * @param event the event, decoded (plain or JSON look the same)
     * @param at when FreeSWITCH says it happened
     * @param channels the live channels, to find a leg's call by its {@code Unique-ID}
     */
    List<PbxEvent> translate(EslEventHeaders event, Instant at, EslChannels channels);
}
