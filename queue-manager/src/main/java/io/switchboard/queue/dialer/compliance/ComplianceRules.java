package io.switchboard.queue.dialer.compliance;

import io.switchboard.core.dialer.CallingWindow;
import io.switchboard.queue.dialer.CampaignSettings;
import io.switchboard.queue.dialer.DialDecision;
import io.switchboard.queue.dialer.DueLead;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The compliance decision for one lead: a pure function of the campaign, the lead, the DNC sources that hold its
 * number, the campaign's abandon figures and the time. Rules that end the lead for this campaign are checked first
 * ({@code dnc}, then {@code attempts-exhausted}, then {@code no-time-zone}); then the ones that make it wait
 * ({@code holiday}, {@code outside-window}, {@code abandoned-recently}, {@code abandon-budget-spent}): the first of
 * those that applies names the deferral, and its {@code retryAt} is the first moment all of them allow (the next
 * window opening after the 72 hours, say). docs/dialer.md, "Compliance gate", gives each rule's source.
 */
public final class ComplianceRules {

    /** No redial after an abandoned call this long, unless an agent is reserved first (Ofcom; applied everywhere). */
    public static final Duration NO_REDIAL_AFTER_ABANDON = Duration.ofHours(72);
    /** How long a campaign whose abandon budget is spent waits before its leads are looked at again. */
    public static final Duration BUDGET_RECHECK = Duration.ofMinutes(15);
    /** The share of machine verdicts taken to be people unless configured (docs/dialer.md says why). */
    public static final double DEFAULT_AMD_FALSE_POSITIVES = 0.05;

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");

    private final double amdFalsePositives;

    /** @param amdFalsePositives the share (0 to 1) of machine verdicts counted as abandoned people under UK rules */
    public ComplianceRules(double amdFalsePositives) {
        if (!(amdFalsePositives >= 0.0 && amdFalsePositives <= 1.0)) {
            throw new IllegalArgumentException("amdFalsePositives must be between 0 and 1, was " + amdFalsePositives);
        }
        this.amdFalsePositives = amdFalsePositives;
    }

    /** Decides whether {@code lead} may be dialled at {@code now}; {@code dncSources} hold its number now. */
    public Ruling decide(CampaignSettings campaign, DueLead lead, List<String> dncSources, AbandonFigures figures,
                         Instant now) {
        AbandonBudget budget = AbandonBudget.of(campaign.jurisdiction(), figures, amdFalsePositives);
        Optional<LocalDateTime> localTime = lead.zone().map(zone -> LocalDateTime.ofInstant(now, zone));
        Optional<String> dnc = dncSources.stream().min(Comparator.comparingInt(ComplianceRules::dncRank));
        if (dnc.isPresent()) {
            return new Ruling(new DialDecision.Skip("dnc", "on the " + String.join(", ", dncSources.stream().distinct()
                    .sorted(Comparator.comparingInt(ComplianceRules::dncRank)).toList()) + " do-not-call list"),
                    dnc, localTime, budget);
        }
        if (lead.attempts() >= campaign.campaign().maxAttempts()) {
            return new Ruling(new DialDecision.Skip("attempts-exhausted", lead.attempts() + " of "
                    + campaign.campaign().maxAttempts() + " attempts used"), dnc, localTime, budget);
        }
        if (lead.zone().isEmpty()) {
            return new Ruling(new DialDecision.Skip("no-time-zone",
                    "the lead has no time zone and none could be inferred from its number"), dnc, localTime, budget);
        }
        ZoneId zone = lead.zone().get();
        LocalDateTime local = localTime.get();
        CallingHours hours = new CallingHours(campaign.campaign().callingWindow(), campaign.jurisdiction(),
                campaign.holidays());
        List<String> reasons = new ArrayList<>();
        List<String> details = new ArrayList<>();
        Instant notBefore = now;
        if (!hours.isOpen(now, zone)) {
            LocalDate today = local.toLocalDate();
            boolean holiday = hours.isHoliday(today);
            reasons.add(holiday ? "holiday" : "outside-window");
            details.add(holiday ? today + " is a holiday of the campaign in " + zone
                    : CLOCK.format(local) + " in " + zone + " is outside " + hours.on(today).map(ComplianceRules::text)
                    .orElse("the calling days") + " (" + campaign.jurisdiction().slug() + ")");
        }
        Optional<Instant> abandonedUntil = lead.lastAbandonedAt().map(at -> at.plus(NO_REDIAL_AFTER_ABANDON))
                .filter(until -> until.isAfter(now) && !campaign.campaign().mode().reservesAgentFirst());
        if (abandonedUntil.isPresent()) {
            reasons.add("abandoned-recently");
            details.add("a call to it was abandoned at " + lead.lastAbandonedAt().get() + "; no redial before "
                    + abandonedUntil.get());
            notBefore = abandonedUntil.get();
        }
        if (campaign.campaign().mode().canAbandon() && budget.spent()) {
            reasons.add("abandon-budget-spent");
            details.add(String.format(java.util.Locale.ROOT, "abandon rate %.2f %% is at or above the %s cap of %.1f %%",
                    budget.measured().orElse(0.0), campaign.jurisdiction().slug(), budget.capPercent()));
            Instant recheck = now.plus(BUDGET_RECHECK);
            notBefore = recheck.isAfter(notBefore) ? recheck : notBefore;
        }
        if (reasons.isEmpty()) {
            return new Ruling(new DialDecision.Dial(new CallerIdPool(campaign.callerIds()).forCallee(lead.number()),
                    zone, local), dnc, localTime, budget);
        }
        return new Ruling(new DialDecision.Defer(reasons.get(0), String.join("; ", details),
                hours.nextOpening(notBefore, zone)), dnc, localTime, budget);
    }

    /** Internal opt-outs first, then the campaign's own list, then imported lists. */
    private static int dncRank(String source) {
        if ("internal".equals(source)) {
            return 0;
        }
        return "campaign".equals(source) ? 1 : 2;
    }

    private static String text(CallingWindow window) {
        return window.opens() + "-" + window.closes();
    }
}
