package io.switchboard.queue.dialer;

import io.switchboard.core.Require;
import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CampaignId;
import io.switchboard.core.id.LeadId;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/**
 * A lead the {@link LeadQueue} handed to the dialer: due now, claimed (state {@code dialing}) so no other node
 * dials it, until the dialer gives it back ({@link LeadQueue#release}) or its call ends ({@link LeadQueue#finish}).
 *
 * @param id              the lead's id ({@code leads.id})
 * @param campaign        its campaign
 * @param number          the number to dial, E.164
 * @param zone            the callee's time zone; empty when neither the lead nor its number tell it
 * @param zoneSource      where {@code zone} came from; present exactly when {@code zone} is
 * @param attempts        how many times it was dialled before this one
 * @param lastAbandonedAt when a call to it was last abandoned (no redial for 72 h after one)
 * @param callbackAgent   the agent a scheduled callback is for; empty when anyone may take it
 * @param attributes      the list's other columns, shown to the agent; an immutable copy
 */
public record DueLead(
        LeadId id,
        CampaignId campaign,
        PhoneNumber number,
        Optional<ZoneId> zone,
        Optional<ZoneSource> zoneSource,
        int attempts,
        Optional<Instant> lastAbandonedAt,
        Optional<AgentId> callbackAgent,
        Map<String, String> attributes) {

    public DueLead {
        Require.nonNull(id, "id");
        Require.nonNull(campaign, "campaign");
        Require.nonNull(number, "number");
        Require.nonNull(zone, "zone");
        Require.nonNull(zoneSource, "zoneSource");
        if (zone.isPresent() != zoneSource.isPresent()) {
            throw new IllegalArgumentException("zoneSource must be present exactly when zone is");
        }
        Require.atLeast(attempts, 0, "attempts");
        Require.nonNull(lastAbandonedAt, "lastAbandonedAt");
        Require.nonNull(callbackAgent, "callbackAgent");
        attributes = Map.copyOf(Require.nonNull(attributes, "attributes"));
    }
}
