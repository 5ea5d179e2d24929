package io.switchboard.queue.dialer.sim;

/**
 * What a simulated shift is made of. {@link #reference(int)} gives the reference parameters.
 *
 * @param agents            agents logged in to the campaign for the whole shift, 1 to 1,000
 * @param hours             the shift's length, above 0 and at most 24
 * @param liveAnswerRate    the chance a call is answered by a person, above 0 and at most 1
 * @param machineRate       the chance a call is answered by a machine (hung up on once detected), 0 or more;
 *                          with the live-answer rate at most 1; the rest ring out unanswered
 * @param talkMeanSeconds   mean talk time of a connected call (exponential), above 0
 * @param wrapSeconds       the wrap-up after every call (fixed), 0 or more
 * @param ringTimeoutSeconds how long an unanswered call rings before the dialer gives up, 15 to 120
 * @param abandonTargetPercent the campaign's abandon target, above 0 and at most the cap
 * @param abandonCapPercent the jurisdiction's cap
 */
public record SimParameters(
        int agents,
        double hours,
        double liveAnswerRate,
        double machineRate,
        double talkMeanSeconds,
        double wrapSeconds,
        double ringTimeoutSeconds,
        double abandonTargetPercent,
        double abandonCapPercent) {

    public SimParameters {
        check(agents >= 1 && agents <= 1000, "agents", "between 1 and 1000", agents);
        check(hours > 0 && hours <= 24, "hours", "above 0 and at most 24", hours);
        check(liveAnswerRate > 0 && liveAnswerRate <= 1, "liveAnswerRate", "above 0 and at most 1", liveAnswerRate);
        check(machineRate >= 0 && liveAnswerRate + machineRate <= 1, "machineRate",
                "0 or more, and at most 1 less the live-answer rate", machineRate);
        check(talkMeanSeconds > 0 && talkMeanSeconds <= 36_000, "talkMeanSeconds", "above 0 and at most 36000",
                talkMeanSeconds);
        check(wrapSeconds >= 0 && wrapSeconds <= 3600, "wrapSeconds", "between 0 and 3600", wrapSeconds);
        check(ringTimeoutSeconds >= 15 && ringTimeoutSeconds <= 120, "ringTimeoutSeconds", "between 15 and 120",
                ringTimeoutSeconds);
        check(abandonCapPercent > 0 && abandonCapPercent <= 100, "abandonCapPercent", "above 0 and at most 100",
                abandonCapPercent);
        check(abandonTargetPercent > 0 && abandonTargetPercent <= abandonCapPercent, "abandonTargetPercent",
                "above 0 and at most the cap " + abandonCapPercent, abandonTargetPercent);
    }

    /**
     * The reference: live answers 30 % (and machines 10 % of calls, the rest ring out), talk exponential
     * with mean 120 s, wrap-up 10 s, ring timeout 25 s, an 8-hour shift, target 2 % under the US cap of 3 %.
     */
    public static SimParameters reference(int agents) {
        return new SimParameters(agents, 8, 0.30, 0.10, 120, 10, 25, 2.0, 3.0);
    }

    /** The same shift with another number of agents. */
    public SimParameters withAgents(int agents) {
        return new SimParameters(agents, hours, liveAnswerRate, machineRate, talkMeanSeconds, wrapSeconds,
                ringTimeoutSeconds, abandonTargetPercent, abandonCapPercent);
    }

    private static void check(boolean ok, String field, String rule, double value) {
        if (!ok) {
            throw new IllegalArgumentException(field + " must be " + rule + ", was " + value);
        }
    }
}
