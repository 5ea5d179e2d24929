package io.switchboard.queue.dialer.leads;

import io.switchboard.queue.dialer.ZoneSource;

import java.time.ZoneId;
import java.util.Optional;

/**
 * A lead's time zone and where it came from, or no zone and the warning that says why.
 *
 * @param zone    the callee's zone; empty when nothing settles it (the gate then never dials the lead)
 * @param source  where {@code zone} came from; present exactly when {@code zone} is
 * @param warning {@code time-zone-ambiguous}, {@code time-zone-not-found} or {@code region-unknown}; empty when
 *                the zone is certain
 */
public record LeadZone(Optional<ZoneId> zone, Optional<ZoneSource> source, Optional<String> warning) {

    static LeadZone of(ZoneId zone, ZoneSource source) {
        return new LeadZone(Optional.of(zone), Optional.of(source), Optional.empty());
    }

    static LeadZone none(String warning) {
        return new LeadZone(Optional.empty(), Optional.empty(), Optional.of(warning));
    }

    LeadZone warn(String otherWarning) {
        return new LeadZone(zone, source, warning.or(() -> Optional.of(otherWarning)));
    }
}
