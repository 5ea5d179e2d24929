package io.switchboard.queue.dialer.compliance;

import io.switchboard.core.Require;
import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.CampaignId;
import io.switchboard.core.id.LeadId;
import io.switchboard.queue.dialer.CampaignSettings;
import io.switchboard.queue.dialer.DialDecision;
import io.switchboard.queue.dialer.DueLead;
import io.switchboard.queue.dialer.ZoneSource;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;

/**
 * One {@code dial_audit} row: a dial decision and every fact it used.
 *
 * @param decision        {@code dialled}, {@code deferred} or {@code skipped}
 * @param reason          the decision's reason slug ({@code allowed} when dialled)
 * @param detail          the reason in words, with the values that mattered
 * @param retryAt         when a deferred lead may be tried again
 * @param call            the call's id; present when dialled
 * @param callerId        the caller id presented; present when dialled from a pool
 * @param attempt         which attempt this is (the lead's previous attempts plus one)
 * @param abandonBudget   abandons left before the jurisdiction's cap
 */
public record DialAuditEntry(
        Instant decidedAt,
        CampaignId campaign,
        LeadId lead,
        PhoneNumber phone,
        String decision,
        String reason,
        String detail,
        Optional<Instant> retryAt,
        Optional<CallId> call,
        Optional<PhoneNumber> callerId,
        Optional<ZoneId> zone,
        Optional<ZoneSource> zoneSource,
        Optional<LocalDateTime> calleeLocalTime,
        int attempt,
        Optional<String> dncSource,
        Optional<Double> abandonRate24h,
        Optional<Double> abandonRate30d,
        int abandonBudget) {

    /** The value of {@code decision} for a {@link DialDecision.Dial}. */
    public static final String DIALLED = "dialled";
    /** The value of {@code decision} for a {@link DialDecision.Defer}. */
    public static final String DEFERRED = "deferred";
    /** The value of {@code decision} for a {@link DialDecision.Skip}. */
    public static final String SKIPPED = "skipped";
    /** The reason of every dialled row. */
    public static final String ALLOWED = "allowed";

    public DialAuditEntry {
        Require.nonNull(decidedAt, "decidedAt");
        Require.nonNull(campaign, "campaign");
        Require.nonNull(lead, "lead");
        Require.nonNull(phone, "phone");
        Require.nonBlank(decision, "decision");
        Require.nonBlank(reason, "reason");
        Require.nonNull(detail, "detail");
        Require.nonNull(retryAt, "retryAt");
        Require.nonNull(call, "call");
        Require.nonNull(callerId, "callerId");
        Require.nonNull(zone, "zone");
        Require.nonNull(zoneSource, "zoneSource");
        Require.nonNull(calleeLocalTime, "calleeLocalTime");
        Require.nonNull(dncSource, "dncSource");
        Require.nonNull(abandonRate24h, "abandonRate24h");
        Require.nonNull(abandonRate30d, "abandonRate30d");
    }

    /** The row for {@code ruling} on {@code lead}, decided at {@code now}. */
    public static DialAuditEntry of(CampaignSettings campaign, DueLead lead, CallId call, Ruling ruling,
                                    Instant now) {
        DialDecision decision = ruling.decision();
        String kind;
        String reason;
        String detail;
        Optional<Instant> retryAt = Optional.empty();
        Optional<PhoneNumber> callerId = Optional.empty();
        if (decision instanceof DialDecision.Dial dial) {
            kind = DIALLED;
            reason = ALLOWED;
            detail = "inside the calling window";
            callerId = dial.callerId();
        } else if (decision instanceof DialDecision.Defer defer) {
            kind = DEFERRED;
            reason = defer.reason();
            detail = defer.detail();
            retryAt = Optional.of(defer.retryAt());
        } else {
            DialDecision.Skip skip = (DialDecision.Skip) decision;
            kind = SKIPPED;
            reason = skip.reason();
            detail = skip.detail();
        }
        return new DialAuditEntry(now, campaign.campaign().id(), lead.id(), lead.number(), kind, reason, detail,
                retryAt, kind.equals(DIALLED) ? Optional.of(call) : Optional.empty(), callerId, lead.zone(),
                lead.zoneSource(), ruling.calleeLocalTime(), lead.attempts() + 1, ruling.dncSource(),
                ruling.budget().rate24h(), ruling.budget().rate30d(), ruling.budget().remaining());
    }
}
