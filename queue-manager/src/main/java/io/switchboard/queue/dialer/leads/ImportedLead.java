package io.switchboard.queue.dialer.leads;

import io.switchboard.core.Require;
import io.switchboard.core.call.PhoneNumber;
import io.switchboard.queue.dialer.ZoneSource;

import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/**
 * One good row of a lead file, ready to be stored as a {@code new} lead.
 *
 * @param row        its CSV record (stored as {@code leads.import_row})
 * @param number     its number in E.164
 * @param zone       the callee's zone ({@link LeadZones}); empty when nothing settles it
 * @param zoneSource where {@code zone} came from; present exactly when {@code zone} is
 * @param region     its state or province as written, when given
 * @param postcode   its postcode or ZIP as written, when given
 * @param priority   its priority (higher first), 0 when not given
 * @param externalRef the caller's own id for it, when given
 * @param attributes {@code first_name}, {@code last_name}, {@code email} and every {@code attr_} column that has
 *                   a value, by column name: stored as {@code leads.payload} and shown to the agent
 */
public record ImportedLead(
        int row,
        PhoneNumber number,
        Optional<ZoneId> zone,
        Optional<ZoneSource> zoneSource,
        Optional<String> region,
        Optional<String> postcode,
        int priority,
        Optional<String> externalRef,
        Map<String, String> attributes) {

    public ImportedLead {
        Require.atLeast(row, 2, "row");
        Require.nonNull(number, "number");
        Require.nonNull(zone, "zone");
        Require.nonNull(zoneSource, "zoneSource");
        if (zone.isPresent() != zoneSource.isPresent()) {
            throw new IllegalArgumentException("zoneSource must be present exactly when zone is");
        }
        Require.nonNull(region, "region");
        Require.nonNull(postcode, "postcode");
        Require.nonNull(externalRef, "externalRef");
        attributes = Map.copyOf(Require.nonNull(attributes, "attributes"));
    }
}
