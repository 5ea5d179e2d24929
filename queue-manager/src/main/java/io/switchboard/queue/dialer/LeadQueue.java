package io.switchboard.queue.dialer;

import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CampaignId;
import io.switchboard.core.id.LeadId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * A campaign's leads, in the order the dialer should take them, and what becomes of each after a dial. The
 * implementation ({@code JooqLeadQueue}) keeps lead state in MariaDB ({@code leads}, {@code lead_lists},
 * {@code campaign_recycle_rules}); docs/dialer.md, "Lead states", lists the transitions.
 */
public interface LeadQueue {

    /**
     * Claims up to {@code max} leads of the campaign that are due at {@code now}: scheduled callbacks whose time
     * has come first, then leads of the campaign's active lists by list priority (higher first), lists of the
     * same priority mixed by their weights, and within a list by lead priority, then oldest first. Claimed leads
     * are in state {@code dialing} until released or finished, so two nodes never take the same lead.
     *
     * @return fewer than {@code max} (or none) when fewer are due
     */
    CompletionStage<List<DueLead>> take(CampaignId campaign, int max, Instant now);

    /**
     * Gives back a claimed lead that was not dialled: due again at {@code retryAt} (the compliance gate deferred
     * it, e.g. outside the callee's calling window), or never again when {@code retryAt} is empty (the gate
     * skipped it: DNC, attempts used up); {@code reason} is the gate's reason slug, kept on the lead.
     */
    CompletionStage<Void> release(LeadId lead, Optional<Instant> retryAt, String reason, Instant now);

    /**
     * Records the end of a dial: one more attempt, and the lead's next state from the campaign's recycle rule
     * for {@code result} (retry after a delay while attempts remain, else exhausted). {@code CONNECTED} leaves
     * the lead {@code dialing} until the agent's disposition arrives ({@link #dispose}). {@code ABANDONED} also
     * stamps {@code last_abandoned_at}.
     */
    CompletionStage<Void> finish(LeadId lead, DialResult result, Instant at);

    /**
     * The agent's wrap-up disposition for a connected lead (e.g. {@code sale}, {@code not-interested},
     * {@code callback}). A recycle rule keyed by the disposition slug retries it; a {@code callbackAt} schedules
     * a callback (to {@code callbackAgent} only, when given); otherwise the lead is completed.
     */
    CompletionStage<Void> dispose(LeadId lead, String disposition, Optional<Instant> callbackAt,
                                  Optional<AgentId> callbackAgent, Instant at);
}
