package io.switchboard.queue.dialer.compliance;

import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.CampaignId;
import io.switchboard.core.id.LeadId;
import io.switchboard.queue.dialer.CampaignCallEnded;
import io.switchboard.queue.dialer.DialResult;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Each campaign's live answers, abandons and machine verdicts over the last 24 hours (per minute), 30 days (per
 * hour) and today: what its abandon rate and budget are worked out from. Loaded from {@code
 * campaign_call_results} when the node starts ({@link #count}) and kept live by the dialer telling it of every
 * call end ({@link #ended}). Thread-safe: the loader runs on a worker, the dialer on the routing context.
 */
public final class AbandonLedger implements CampaignCallEnded {

    /** The longest period a rate is measured over; older calls are forgotten. */
    public static final Duration KEPT = Duration.ofDays(30);
    private static final Duration DAY = Duration.ofDays(1);
    /** Minutes are kept a little over a day so that "today" holds on a 25-hour day too. */
    private static final Duration MINUTES_KEPT = Duration.ofHours(26);

    private final ZoneId todayZone;
    private final Map<CampaignId, Ledger> campaigns = new HashMap<>();

    /** A campaign's two rings. */
    private static final class Ledger {
        final RollingCounts minutes = new RollingCounts(Duration.ofMinutes(1), MINUTES_KEPT);
        final RollingCounts hours = new RollingCounts(Duration.ofHours(1), KEPT);
    }

    /** @param todayZone where "today" starts at midnight (the statistics zone) */
    public AbandonLedger(ZoneId todayZone) {
        this.todayZone = todayZone;
    }

    @Override
    public void ended(CampaignId campaign, LeadId lead, CallId call, DialResult result, Optional<AgentId> agent,
                      Instant at) {
        count(campaign, result, at, 1);
    }

    /** Counts {@code calls} ends with {@code result} at {@code at}; the loader sums stored rows per minute or hour. */
    public synchronized void count(CampaignId campaign, DialResult result, Instant at, long calls) {
        long live = result == DialResult.CONNECTED || result == DialResult.ABANDONED ? calls : 0;
        long abandoned = result == DialResult.ABANDONED ? calls : 0;
        long machines = result == DialResult.MACHINE || result == DialResult.MACHINE_MESSAGE ? calls : 0;
        if (live == 0 && machines == 0) {
            return;
        }
        Ledger ledger = campaigns.computeIfAbsent(campaign, id -> new Ledger());
        ledger.minutes.add(at, live, abandoned, machines);
        ledger.hours.add(at, live, abandoned, machines);
    }

    /**
     * Takes {@code loaded}'s counts in place of this ledger's: a node that has just taken the dialling over reads
     * the calls the cluster stored, which include those the previous owner counted and this node never saw.
     */
    public void replaceWith(AbandonLedger loaded) {
        Map<CampaignId, Ledger> counted;
        synchronized (loaded) {
            counted = new HashMap<>(loaded.campaigns);
        }
        synchronized (this) {
            campaigns.clear();
            campaigns.putAll(counted);
        }
    }

    /** The campaign's figures at {@code now}. */
    public synchronized AbandonFigures figures(CampaignId campaign, Instant now) {
        Ledger ledger = campaigns.get(campaign);
        if (ledger == null) {
            return AbandonFigures.NONE;
        }
        Instant midnight = now.atZone(todayZone).toLocalDate().atStartOfDay(todayZone).toInstant();
        return new AbandonFigures(ledger.minutes.between(now.minus(DAY), now),
                ledger.hours.between(now.minus(KEPT), now), ledger.minutes.between(midnight, now));
    }
}
