package io.switchboard.queue.dialer.pacing;

import io.switchboard.core.Require;
import io.switchboard.queue.dialer.CampaignSettings;

import java.time.Duration;
import java.util.List;

/**
 * The {@code PREDICTIVE} pacer: places calls ahead of free agents so that live answers arrive as agents free up.
 * Each time it is asked (the dialer asks every second and whenever an agent frees), it recomputes from the
 * snapshot and the campaign's {@link LiveFigures}, over the next seconds (up to the 95th percentile of live ring
 * times):
 * <ol>
 *   <li>when agents free up: the ready ones now, each wrapping agent by the wrap-up distribution given how long it
 *       has wrapped, each talking agent by the talk distribution given how long it has talked, plus a mean
 *       wrap-up; shifted by the 2-second connect wait, since an answer may wait that long for them;</li>
 *   <li>when live answers come: the callers waiting now, each ringing call by its chance of turning into a live
 *       answer in each second given how long it has rung (live-answer rate, live and other ring times), and each
 *       new call by the live-answer rate and the live ring-time distribution;</li>
 *   <li>the expected abandons over those seconds ({@link FreeAgentForecast}) for 0, 1, 2... new calls: a new call
 *       is placed while the abandons it adds, per live answer it brings, are at most the risk the abandon budget
 *       accepts now (more while the campaign is under its target, less while over).</li>
 * </ol>
 * It falls back to progressive (one call per free agent) with fewer than {@link #MIN_AGENTS} agents, while its
 * figures are thin ({@link #MIN_CALLS_ENDED}, {@link #MIN_LIVE_ANSWERS}, {@link #MIN_TALKS}), and while one or two
 * more abandons would cross the cap; it never places fewer calls than progressive would. docs/dialer.md ("Pacing")
 * gives the reasons for each threshold.
 */
public final class PredictivePacer implements Pacer {

    /** Fewer agents than this are paced progressively: one agent's talk time swings the prediction too much. */
    public static final int MIN_AGENTS = 5;

    /** Call endings needed before the live-answer rate is trusted (its standard error is then under 5 points). */
    public static final int MIN_CALLS_ENDED = 100;

    /** Live answers needed before the live ring-time distribution is trusted. */
    public static final int MIN_LIVE_ANSWERS = 20;

    /** Talk times needed before the talk distribution is trusted. */
    public static final int MIN_TALKS = 20;

    /** How long a live answer may wait for an agent before it counts as abandoned (FCC, Ofcom). */
    public static final Duration CONNECT_WAIT = Duration.ofSeconds(2);

    /** Calls in flight never exceed this many per logged-in agent, whatever the figures say. */
    public static final int MAX_CALLS_PER_AGENT = 10;

    private static final int MAX_HORIZON_SECONDS = 60;

    private final LiveFigures figures;
    private final AbandonBudget budget;

    /**
     * @param figures       the campaign's live figures, which the dialer (or the simulator) feeds
     * @param targetPercent the campaign's abandon target, percent of live answers
     * @param capPercent    its jurisdiction's cap, percent of live answers, at least the target
     */
    public PredictivePacer(LiveFigures figures, double targetPercent, double capPercent) {
        this.figures = Require.nonNull(figures, "figures");
        this.budget = new AbandonBudget(targetPercent, capPercent);
    }

    /** The pacer of a predictive campaign: its target, its jurisdiction's cap. */
    public static PredictivePacer forCampaign(CampaignSettings settings, LiveFigures figures) {
        return new PredictivePacer(figures, settings.campaign().abandonRateTarget(),
                settings.jurisdiction().abandonCapPercent());
    }

    /** The figures this pacer learns from: the dialer tells them what happens to the campaign's calls and agents. */
    public LiveFigures figures() {
        return figures;
    }

    @Override
    public int callsToPlace(PacingInput input) {
        return decide(input).calls();
    }

    /** How many calls to place now, and why. */
    public PacingDecision decide(PacingInput input) {
        int agents = input.agentsReady() + input.agentsTalking().size() + input.agentsWrapping().size();
        int progressive = Pacers.progressive().callsToPlace(input);
        if (agents < MIN_AGENTS) {
            return new PacingDecision(progressive, PacingBasis.TOO_FEW_AGENTS, 0);
        }
        if (figures.callsEnded() < MIN_CALLS_ENDED || figures.liveRing().size() < MIN_LIVE_ANSWERS
                || figures.talk().size() < MIN_TALKS || figures.liveAnswerRate() <= 0) {
            return new PacingDecision(progressive, PacingBasis.THIN_FIGURES, 0);
        }
        AbandonCount[] counts = {figures.today(), figures.last24Hours(), figures.last30Days()};
        if (budget.capReached(counts)) {
            return new PacingDecision(progressive, PacingBasis.CAP_GUARD, 0);
        }
        double risk = budget.acceptedRisk(counts);
        int room = Math.max(0, MAX_CALLS_PER_AGENT * agents - input.callsInFlight());
        int calls = Math.min(room, Math.max(progressive, predicted(input, risk, room)));
        return new PacingDecision(calls, PacingBasis.PREDICTED, risk);
    }

    private int predicted(PacingInput input, double risk, int room) {
        double p = figures.liveAnswerRate();
        double wait = CONNECT_WAIT.toMillis() / 1000.0;
        int seconds = (int) Math.min(MAX_HORIZON_SECONDS, Math.ceil(figures.liveRing().quantile(0.95)) + 1);
        FreeAgentForecast forecast = new FreeAgentForecast(seconds, input.agentsReady(), input.callsWaiting());
        double[] freed = new double[seconds];
        double[] each = new double[seconds];
        for (Duration wrapped : input.agentsWrapping()) {
            figures.wrap().endsWithin(seconds(wrapped), wait, each);
            add(freed, each);
        }
        double wrapMean = figures.wrap().mean();
        for (Duration talked : input.agentsTalking()) {
            figures.talk().endsWithin(seconds(talked), wait - wrapMean, each);
            add(freed, each);
        }
        double freedBefore = 0;
        for (int s = 0; s < seconds; s++) {
            forecast.freeing(s, Math.max(0, freed[s] - freedBefore));
            freedBefore = Math.max(freed[s], freedBefore);
        }
        for (Duration rung : input.callsRinging()) {
            answers(forecast, p, seconds(rung), seconds);
        }
        Durations ring = figures.liveRing();
        for (int s = 1; s < seconds; s++) {
            forecast.answeringPerNewCall(s, p * (ring.cdf(s) - ring.cdf(s - 1)));
        }
        return mostCallsWithin(forecast, risk * p, room);
    }

    /**
     * The most calls {@code n} such that the {@code n}th adds at most {@code allowed} expected abandons (the
     * added abandons grow with every call, so a binary search finds it).
     */
    private static int mostCallsWithin(FreeAgentForecast forecast, double allowed, int most) {
        int low = 0;
        int high = 1;
        while (high <= most && addsAtMost(forecast, high, allowed)) {
            low = high;
            high *= 2;
        }
        high = Math.min(high - 1, most);
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (addsAtMost(forecast, mid, allowed)) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return low;
    }

    private static boolean addsAtMost(FreeAgentForecast forecast, int calls, double allowed) {
        return forecast.expectedAbandons(calls) - forecast.expectedAbandons(calls - 1) <= allowed;
    }

    /** Adds when a call that has rung {@code rung} seconds is expected to be answered live, second by second. */
    private void answers(FreeAgentForecast forecast, double p, double rung, int seconds) {
        Durations ring = figures.liveRing();
        double before = ring.cdf(rung);
        double left = p * (1 - before) + (1 - p) * (1 - figures.otherRing().cdf(rung));
        if (left <= 0) {
            return;
        }
        for (int s = 1; s < seconds; s++) {
            double by = ring.cdf(rung + s);
            forecast.answering(s, p * (by - before) / left);
            before = by;
        }
    }

    private static void add(double[] sum, double[] more) {
        for (int i = 0; i < sum.length; i++) {
            sum[i] += more[i];
        }
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
