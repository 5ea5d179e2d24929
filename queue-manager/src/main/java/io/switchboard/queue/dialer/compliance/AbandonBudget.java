package io.switchboard.queue.dialer.compliance;

import io.switchboard.core.dialer.Jurisdiction;

import java.time.Duration;
import java.util.Optional;

/**
 * Where a campaign stands against its jurisdiction's abandon cap. Rates are percent of live answers; under UK
 * rules the estimated answering-machine-detection false positives (machine verdicts times the false-positive rate:
 * people AMD took for machines and hung up on) count as live answers and as abandons, as Ofcom's policy asks.
 *
 * @param rate24h   the rate over the last 24 hours; empty with no live answers
 * @param rate30d   the rate over the last 30 days; empty with no live answers
 * @param measured  the rate over the jurisdiction's own period ({@link Jurisdiction#measuredOver()})
 * @param capPercent the jurisdiction's cap
 * @param remaining how many more abandons (with no other live answer) keep {@code measured} under the cap; 0 once
 *                  the cap is reached
 */
public record AbandonBudget(Optional<Double> rate24h, Optional<Double> rate30d, Optional<Double> measured,
                            double capPercent, int remaining) {

    /** Whether the campaign's rate is at or above the cap, so calls that could be abandoned must wait. */
    public boolean spent() {
        return measured.filter(rate -> rate >= capPercent).isPresent();
    }

    /**
     * @param amdFalsePositives the share (0 to 1) of machine verdicts that were people; read only under UK rules
     */
    public static AbandonBudget of(Jurisdiction jurisdiction, AbandonFigures figures, double amdFalsePositives) {
        if (!(amdFalsePositives >= 0.0 && amdFalsePositives <= 1.0)) {
            throw new IllegalArgumentException("amdFalsePositives must be between 0 and 1, was " + amdFalsePositives);
        }
        double estimate = jurisdiction == Jurisdiction.UK ? amdFalsePositives : 0.0;
        AbandonFigures.Counts measuredCounts = jurisdiction.measuredOver().compareTo(Duration.ofDays(1)) <= 0
                ? figures.last24h() : figures.last30d();
        double cap = jurisdiction.abandonCapPercent() / 100.0;
        double live = measuredCounts.live() + measuredCounts.machines() * estimate;
        double abandoned = measuredCounts.abandoned() + measuredCounts.machines() * estimate;
        double headroom = (cap * live - abandoned) / (1.0 - cap);
        int remaining = headroom <= 0 ? 0 : (int) Math.min(Integer.MAX_VALUE, Math.ceil(headroom - 1e-9) - 1);
        return new AbandonBudget(rate(figures.last24h(), estimate), rate(figures.last30d(), estimate),
                rate(measuredCounts, estimate), jurisdiction.abandonCapPercent(), Math.max(0, remaining));
    }

    private static Optional<Double> rate(AbandonFigures.Counts counts, double estimate) {
        double live = counts.live() + counts.machines() * estimate;
        double abandoned = counts.abandoned() + counts.machines() * estimate;
        return live <= 0 ? Optional.empty() : Optional.of(100.0 * abandoned / live);
    }
}
