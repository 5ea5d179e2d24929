package io.switchboard.queue.staffing;

import java.util.Optional;

/**
 * Erlang A (M/M/N+M, Palm's model): Poisson arrivals, exponential handling times, and callers who hang up
 * after an exponential patience unless answered first.
 *
 * <p>The number of callers in the system is a birth-death chain; its stationary probabilities are summed
 * in log space (no factorials, no overflow) and the waiting part is cut where the remaining tail is below
 * 1e-17 of the total. A caller who arrives with {@code j} callers waiting ahead is answered with probability
 * {@code x / (x + j + 1)}, where {@code x = N * patience / AHT}, and within {@code t} seconds with that
 * probability times the regularized incomplete beta function {@code I(1 - e^(-t/patience); j + 1, x + 1)},
 * which is summed by its recursion in {@code j}. Checked against a direct solution of the tagged caller's
 * Markov chain (see {@code ErlangATest}).
 */
public final class ErlangA {

    /** The most waiting callers the chain is followed to before giving up; bounds the work to about 0.1 s. */
    public static final int MAX_QUEUE_STATES = 1_000_000;

    private static final double NEGLIGIBLE_LOG = -40;

    private ErlangA() {
    }

    /**
     * The queue's metrics, or empty when the queue would grow longer than {@link #MAX_QUEUE_STATES}
     * (patience far longer than the handling time while the agents are far below the traffic).
     */
    public static Optional<QueueMetrics> metrics(int agents, double callsPerSecond, double ahtSeconds,
            double patienceSeconds, double answerWithinSeconds) {
        Chain chain = new Chain(agents, callsPerSecond, 1 / ahtSeconds, 1 / patienceSeconds);
        int waitingStates = chain.waitingStates();
        if (waitingStates < 0) {
            return Optional.empty();
        }
        return Optional.of(chain.metrics(waitingStates, answerWithinSeconds));
    }

    /** The birth-death chain of one question; {@code logTotal} is filled by {@link #waitingStates}. */
    private static final class Chain {
        private final int agents;
        private final double lambda;
        private final double mu;
        private final double theta;
        private double logTotal;
        private double logAllBusy;

        Chain(int agents, double lambda, double mu, double theta) {
            this.agents = agents;
            this.lambda = lambda;
            this.mu = mu;
            this.theta = theta;
        }

        /** Sums the chain up to where it vanishes; returns the last waiting count kept, or -1 past the cap. */
        int waitingStates() {
            double logErlangs = Math.log(lambda / mu);
            double logTerm = 0;
            double max = 0;
            double scaled = 1;
            for (int n = 1; n <= agents; n++) {
                logTerm += logErlangs - Math.log(n);
                if (logTerm > max) {
                    scaled = scaled * Math.exp(max - logTerm) + 1;
                    max = logTerm;
                } else {
                    scaled += Math.exp(logTerm - max);
                }
            }
            logAllBusy = logTerm;
            for (int j = 1; j <= MAX_QUEUE_STATES; j++) {
                logTerm += Math.log(lambda / (agents * mu + j * theta));
                if (logTerm > max) {
                    scaled = scaled * Math.exp(max - logTerm) + 1;
                    max = logTerm;
                } else {
                    scaled += Math.exp(logTerm - max);
                }
                double nextRatio = lambda / (agents * mu + (j + 1) * theta);
                if (nextRatio < 1 && logTerm - max - Math.log1p(-nextRatio) < NEGLIGIBLE_LOG) {
                    logTotal = max + Math.log(scaled);
                    return j;
                }
            }
            return -1;
        }

        QueueMetrics metrics(int waitingStates, double answerWithinSeconds) {
            double x = agents * mu / theta;
            double b = x + 1;
            double logU = -theta * answerWithinSeconds;
            double logV = Math.log(-Math.expm1(logU));
            double incompleteBeta = -Math.expm1(b * logU);
            double logStep = Math.log(b) + logV + b * logU;
            double harmonic = 0;
            double wait = 0;
            double queueMean = 0;
            double answeredWithin = 0;
            double answeredWait = 0;
            double logTerm = logAllBusy;
            for (int j = 0; j <= waitingStates; j++) {
                if (j > 0) {
                    logTerm += Math.log(lambda / (agents * mu + j * theta));
                    incompleteBeta = Math.max(0, incompleteBeta - Math.exp(logStep));
                    logStep += logV + Math.log((j + b) / (j + 1));
                }
                double p = Math.exp(logTerm - logTotal);
                double answered = x / (x + j + 1);
                harmonic += 1 / (theta * (x + j + 1));
                wait += p;
                queueMean += j * p;
                answeredWithin += p * answered * incompleteBeta;
                answeredWait += p * answered * harmonic;
            }
            wait = Math.min(1, wait);
            double abandonment = Math.min(1, theta * queueMean / lambda);
            double answeredShare = 1 - abandonment;
            double asa = answeredShare > 0 ? answeredWait / answeredShare : Double.POSITIVE_INFINITY;
            double serviceLevel = Math.min(1, 1 - wait + answeredWithin);
            double occupancy = Math.min(1, lambda / mu * answeredShare / agents);
            return new QueueMetrics(agents, wait, serviceLevel, asa, abandonment, occupancy);
        }
    }
}
