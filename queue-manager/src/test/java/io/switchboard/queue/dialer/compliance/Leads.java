package io.switchboard.queue.dialer.compliance;

import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.dialer.CallingWindow;
import io.switchboard.core.dialer.Campaign;
import io.switchboard.core.dialer.DialMode;
import io.switchboard.core.dialer.Jurisdiction;
import io.switchboard.core.id.CampaignId;
import io.switchboard.core.id.LeadId;
import io.switchboard.core.id.QueueId;
import io.switchboard.queue.dialer.CampaignSettings;
import io.switchboard.queue.dialer.DueLead;
import io.switchboard.queue.dialer.ZoneSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Campaigns and leads for the compliance tests. */
final class Leads {

    static final CampaignId SALES = CampaignId.of("sales");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private Leads() {
    }

    static CampaignSettings campaign(DialMode mode, Jurisdiction jurisdiction) {
        return campaign(mode, jurisdiction, CallingWindow.DEFAULT, Set.of(), List.of(), 3);
    }

    static CampaignSettings campaign(DialMode mode, Jurisdiction jurisdiction, CallingWindow window,
                                     Set<LocalDate> holidays, List<PhoneNumber> callerIds, int maxAttempts) {
        Campaign campaign = new Campaign(SALES, "Sales", mode, QueueId.of("outbound"), 2.0, window, maxAttempts);
        return new CampaignSettings(campaign, CampaignSettings.CampaignState.RUNNING, jurisdiction, 1.0,
                Duration.ofSeconds(25), CampaignSettings.MachineAction.HANGUP, Optional.empty(), Optional.empty(),
                holidays, callerIds, "US");
    }

    static DueLead lead(String number, ZoneId zone) {
        return new DueLead(LeadId.of("7"), SALES, phone(number), Optional.of(zone), Optional.of(ZoneSource.NUMBER), 0,
                Optional.empty(), Optional.empty(), Map.of());
    }

    static DueLead withoutZone(String number) {
        return new DueLead(LeadId.of("7"), SALES, phone(number), Optional.empty(), Optional.empty(), 0,
                Optional.empty(), Optional.empty(), Map.of());
    }

    static DueLead attempted(DueLead lead, int attempts) {
        return new DueLead(lead.id(), lead.campaign(), lead.number(), lead.zone(), lead.zoneSource(), attempts,
                lead.lastAbandonedAt(), lead.callbackAgent(), lead.attributes());
    }

    static DueLead abandonedAt(DueLead lead, Instant at) {
        return new DueLead(lead.id(), lead.campaign(), lead.number(), lead.zone(), lead.zoneSource(), lead.attempts(),
                Optional.of(at), lead.callbackAgent(), lead.attributes());
    }

    static PhoneNumber phone(String e164) {
        return PhoneNumber.parse(e164, "phone");
    }
}
