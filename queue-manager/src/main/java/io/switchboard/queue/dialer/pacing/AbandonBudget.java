package io.switchboard.queue.dialer.pacing;

/**
 * Turns a campaign's abandon counts into how bold the predictive pacer may be. Two rules:
 * <ul>
 *   <li>the cap guard: while fewer than {@link #CAP_RESERVE} more abandons fit under the jurisdiction's cap, in
 *       today's, the 24-hour or the 30-day count, the pacer dials progressively (which abandons nothing), so the
 *       measured rate never crosses the cap, however the day went;</li>
 *   <li>target tracking: the abandons the target allows ({@code AIM} of it, times the live answers) less the
 *       abandons made, in the tightest of those three counts, is a slack in calls; the marginal abandon risk the
 *       pacer accepts for one more call grows with the slack and shrinks when the campaign is over its aim, so the
 *       rate is steered back to the aim within a few abandons, not left to drift for 15 s or a day.</li>
 * </ul>
 */
final class AbandonBudget {

    /** How many abandons must still fit under the cap for the pacer to risk any. */
    static final double CAP_RESERVE = 2.0;

    /** The share of the target aimed at, so the day's noise stays under the target itself. */
    static final double AIM = 0.85;

    /** Slack, in abandons, that multiplies (or divides) the accepted risk by e. */
    static final double SLACK_SCALE = 4.0;

    /** The accepted marginal risk at zero slack, as a multiple of the aimed rate. */
    static final double BASE = 2.0;

    private final double targetPercent;
    private final double capPercent;

    AbandonBudget(double targetPercent, double capPercent) {
        if (!(targetPercent > 0 && targetPercent <= capPercent)) {
            throw new IllegalArgumentException("targetPercent must be above 0 and at most the cap " + capPercent
                    + ", was " + targetPercent);
        }
        this.targetPercent = targetPercent;
        this.capPercent = capPercent;
    }

    /** Whether fewer than {@link #CAP_RESERVE} abandons fit under the cap in any of the counts. */
    boolean capReached(AbandonCount... counts) {
        for (AbandonCount count : counts) {
            if (count.headroom(capPercent) < CAP_RESERVE) {
                return true;
            }
        }
        return false;
    }

    /**
     * The chance of being abandoned the pacer accepts for one more live answer, given the counts: {@code BASE}
     * times the aimed rate at zero slack, e times more for every {@code SLACK_SCALE} abandons in hand, e times less
     * for every {@code SLACK_SCALE} abandons over; between a tenth of the aimed rate and {@code 4 * BASE} times it, so
     * abandons in hand are spent over a while, not in one burst.
     */
    double acceptedRisk(AbandonCount... counts) {
        double aim = AIM * targetPercent / 100;
        double slack = Double.MAX_VALUE;
        for (AbandonCount count : counts) {
            slack = Math.min(slack, aim * count.liveAnswers() - count.abandoned());
        }
        double risk = BASE * aim * Math.exp(Math.max(-20, Math.min(20, slack / SLACK_SCALE)));
        return Math.max(aim / 10, Math.min(4 * BASE * aim, risk));
    }
}
