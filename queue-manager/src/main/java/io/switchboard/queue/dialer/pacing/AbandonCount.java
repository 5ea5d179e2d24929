package io.switchboard.queue.dialer.pacing;

/**
 * Live answers and how many of them were abandoned, over some period.
 *
 * @param liveAnswers live answers, connected to an agent or abandoned
 * @param abandoned   of those, the ones no agent took within the connect wait
 */
public record AbandonCount(long liveAnswers, long abandoned) {

    public AbandonCount {
        if (liveAnswers < 0 || abandoned < 0 || abandoned > liveAnswers) {
            throw new IllegalArgumentException("abandoned must be between 0 and liveAnswers " + liveAnswers
                    + ", was " + abandoned);
        }
    }

    /** Abandoned calls in percent of live answers; 0 when there were none. */
    public double percent() {
        return liveAnswers == 0 ? 0 : 100.0 * abandoned / liveAnswers;
    }

    /**
     * How many more abandons fit under {@code capPercent} if each came with its own live answer: the largest
     * {@code k} with {@code (abandoned + k) <= cap * (liveAnswers + k)}, negative when the rate is above it already.
     */
    public double headroom(double capPercent) {
        double cap = capPercent / 100;
        return cap >= 1 ? Double.MAX_VALUE : (cap * liveAnswers - abandoned) / (1 - cap);
    }
}
