package io.switchboard.queue.dialer.pacing;

import java.util.Arrays;

/**
 * The next seconds of a campaign seen as a pool of free agents: agents join it as they free up, live answers take
 * one each, and a live answer that finds the pool empty is abandoned. Because an answer may wait for an agent for
 * the connect wait, the agents that free up in the {@code wait} seconds after an answer count as there for it.
 * <p>
 * Second by second the pool's distribution is carried forward exactly (agents freeing in a second: their expected
 * number's whole part for sure and the fraction as one more with that chance; live answers in a second: Poisson,
 * the sum of many small chances), so the expected number of abandoned answers is that of the whole path, not of
 * its worst second alone: a short, bursty stretch and a long, tight one weigh what they cost.
 */
final class FreeAgentForecast {

    /** The largest pool carried; more free agents than this are read as this many (pessimistic). */
    static final int MAX_POOL = 64;

    /** Chances below this are dropped from the pool's distribution (the abandons they hold are far below 1e-9). */
    private static final double NEGLIGIBLE = 1e-12;

    private final int seconds;
    private final int initialPool;
    private final int waitingNow;
    private final double[] freeing;
    private final double[] answering;
    private final double[] answeringPerNewCall;
    private final double[] pool = new double[MAX_POOL + 1];
    private final double[] next = new double[MAX_POOL + 1];
    private final double[] poisson = new double[MAX_POOL + 1];
    private final double[] atMost = new double[MAX_POOL + 1];
    private final double[] meanAtMost = new double[MAX_POOL + 1];
    private int low;
    private int high;

    /**
     * @param seconds     how many seconds of answers the forecast covers
     * @param initialPool agents free now
     * @param waitingNow  live answers waiting for an agent now
     */
    FreeAgentForecast(int seconds, int initialPool, int waitingNow) {
        this.seconds = seconds;
        this.initialPool = Math.min(MAX_POOL, initialPool);
        this.waitingNow = waitingNow;
        this.freeing = new double[seconds];
        this.answering = new double[seconds];
        this.answeringPerNewCall = new double[seconds];
    }

    /** Adds to the agents expected to become usable by answers of second {@code second}. */
    void freeing(int second, double agents) {
        freeing[second] += agents;
    }

    /** Adds to the live answers expected in second {@code second} from calls placed already. */
    void answering(int second, double answers) {
        answering[second] += answers;
    }

    /** Adds to the chance a call placed now is answered live in second {@code second}. */
    void answeringPerNewCall(int second, double chance) {
        answeringPerNewCall[second] += chance;
    }

    /** The expected number of live answers abandoned over the forecast when {@code calls} more are placed now. */
    double expectedAbandons(int calls) {
        Arrays.fill(pool, 0);
        pool[initialPool] = 1;
        low = initialPool;
        high = initialPool;
        double lost = 0;
        for (int s = 0; s < seconds; s++) {
            addFreeing(freeing[s]);
            if (s == 0) {
                lost += takeWaiting();
            }
            lost += takeAnswers(answering[s] + calls * answeringPerNewCall[s]);
        }
        return lost;
    }

    private void addFreeing(double agents) {
        if (agents <= 0) {
            return;
        }
        int whole = (int) Math.floor(agents);
        double fraction = agents - whole;
        int newHigh = Math.min(MAX_POOL, high + whole + 1);
        Arrays.fill(next, low, newHigh + 1, 0);
        for (int k = low; k <= high; k++) {
            next[Math.min(MAX_POOL, k + whole)] += pool[k] * (1 - fraction);
            next[Math.min(MAX_POOL, k + whole + 1)] += pool[k] * fraction;
        }
        System.arraycopy(next, low, pool, low, newHigh - low + 1);
        high = newHigh;
        trim();
    }

    /** Takes the callers waiting now, each surely, from the pool; returns the expected number that found it empty. */
    private double takeWaiting() {
        if (waitingNow == 0) {
            return 0;
        }
        double lost = 0;
        Arrays.fill(next, 0, high + 1, 0);
        for (int k = low; k <= high; k++) {
            next[Math.max(0, k - waitingNow)] += pool[k];
            lost += pool[k] * Math.max(0, waitingNow - k);
        }
        System.arraycopy(next, 0, pool, 0, high + 1);
        low = 0;
        trim();
        return lost;
    }

    /** Takes Poisson({@code mean}) answers from the pool; returns the expected number that found it empty. */
    private double takeAnswers(double mean) {
        if (mean <= 0) {
            return 0;
        }
        double pmf = Math.exp(-mean);
        double below = 0;
        double meanBelow = 0;
        for (int j = 0; j <= high; j++) {
            poisson[j] = pmf;
            below += pmf;
            meanBelow += j * pmf;
            atMost[j] = below;
            meanAtMost[j] = meanBelow;
            pmf = pmf * mean / (j + 1);
        }
        Arrays.fill(next, 0, high + 1, 0);
        double lost = 0;
        for (int k = low; k <= high; k++) {
            double chance = pool[k];
            if (chance == 0) {
                continue;
            }
            for (int j = 0; j <= k; j++) {
                next[k - j] += chance * poisson[j];
            }
            next[0] += chance * (1 - atMost[k]);
            lost += chance * (mean - k + k * atMost[k] - meanAtMost[k]);
        }
        System.arraycopy(next, 0, pool, 0, high + 1);
        low = 0;
        trim();
        return lost;
    }

    /** Drops the pool sizes with a negligible chance from both ends. */
    private void trim() {
        while (low < high && pool[low] < NEGLIGIBLE) {
            pool[low++] = 0;
        }
        while (high > low && pool[high] < NEGLIGIBLE) {
            pool[high--] = 0;
        }
    }
}
