package io.switchboard.queue.staffing;

/**
 * Erlang C (M/M/N, callers never hang up). Computed through the Erlang B recursion, which needs no
 * factorials or powers and so stays finite for thousands of agents.
 */
public final class ErlangC {

    private ErlangC() {
    }

    /** Erlang B, the blocking probability of {@code agents} servers offered {@code erlangs} of traffic. */
    public static double erlangB(int agents, double erlangs) {
        double b = 1.0;
        for (int n = 1; n <= agents; n++) {
            b = next(b, n, erlangs);
        }
        return b;
    }

    /** B(n) from B(n - 1): {@code A B / (n + A B)}. */
    static double next(double previousB, int n, double erlangs) {
        double ab = erlangs * previousB;
        return ab / (n + ab);
    }

    /** P(wait) from Erlang B; needs {@code agents > erlangs}. */
    public static double waitProbability(int agents, double erlangs, double erlangB) {
        return agents * erlangB / (agents - erlangs * (1 - erlangB));
    }

    /**
     * The queue's metrics with {@code agents > erlangs} (otherwise the queue grows without bound).
     *
     * @param erlangB Erlang B of these agents and this traffic, e.g. from {@link #erlangB}
     */
    public static QueueMetrics metrics(int agents, double erlangs, double erlangB, double ahtSeconds,
            double answerWithinSeconds) {
        if (agents <= erlangs) {
            throw new IllegalArgumentException("Erlang C needs more agents (" + agents + ") than erlangs (" + erlangs + ")");
        }
        double spare = agents - erlangs;
        double wait = waitProbability(agents, erlangs, erlangB);
        double serviceLevel = 1 - wait * Math.exp(-spare * answerWithinSeconds / ahtSeconds);
        double asa = wait * ahtSeconds / spare;
        return new QueueMetrics(agents, wait, serviceLevel, asa, 0, erlangs / agents);
    }
}
