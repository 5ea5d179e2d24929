package io.switchboard.queue.dialer.compliance;

import io.switchboard.core.id.CallId;
import io.switchboard.queue.dialer.CampaignSettings;
import io.switchboard.queue.dialer.DialDecision;
import io.switchboard.queue.dialer.DialGate;
import io.switchboard.queue.dialer.DueLead;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.concurrent.CompletionStage;

/**
 * The {@link DialGate}: looks up which DNC lists hold the lead's number and the campaign's abandon figures, lets
 * {@link ComplianceRules} decide, and answers only once the {@code dial_audit} row is written. A failed lookup or
 * a failed write fails the stage, so nothing is dialled that was not checked and recorded.
 */
public final class ComplianceGate implements DialGate {

    private static final Logger LOG = LoggerFactory.getLogger(ComplianceGate.class);

    private final ComplianceRules rules;
    private final DncList dnc;
    private final AbandonLedger ledger;
    private final DialAuditLog audit;

    public ComplianceGate(ComplianceRules rules, DncList dnc, AbandonLedger ledger, DialAuditLog audit) {
        this.rules = rules;
        this.dnc = dnc;
        this.ledger = ledger;
        this.audit = audit;
    }

    @Override
    public CompletionStage<DialDecision> check(CampaignSettings campaign, DueLead lead, CallId call, Instant now) {
        return dnc.sourcesOf(lead.number(), campaign.campaign().id(), now).thenCompose(sources -> {
            Ruling ruling = rules.decide(campaign, lead, sources, ledger.figures(campaign.campaign().id(), now), now);
            DialAuditEntry entry = DialAuditEntry.of(campaign, lead, call, ruling, now);
            return audit.record(entry).thenApply(written -> {
                LOG.debug("event=dial-decided campaignId={} leadId={} phone={} decision={} reason={}",
                        campaign.campaign().id().value(), lead.id().value(), lead.number().masked(), entry.decision(),
                        entry.reason());
                return ruling.decision();
            });
        });
    }

    /** The ledger the gate reads; the dialer tells it of every call end, the pacer may read the figures. */
    public AbandonLedger ledger() {
        return ledger;
    }
}
