package io.switchboard.queue.dialer.sim;

/**
 * What one simulated shift measured.
 *
 * @param talkSeconds         time agents spent talking on connected calls, all agents, within the shift
 * @param loggedInSeconds     agents times the shift's length
 * @param connects            live answers that reached an agent
 * @param abandoned           live answers no agent took within the connect wait
 * @param idleSecondsTotal    for every connect, how long its agent had been ready before it (from the end of the
 *                            agent's previous wrap-up, or from the shift's start), summed
 * @param dialled             calls placed
 * @param worstHourPercent    the highest abandon rate of any rolling 60 minutes of the shift (windows of at least
 *                            50 live answers), percent
 */
public record ShiftResult(
        double talkSeconds,
        double loggedInSeconds,
        long connects,
        long abandoned,
        double idleSecondsTotal,
        long dialled,
        double worstHourPercent) {

    /** Talk time over logged-in time, 0 to 1. */
    public double occupancy() {
        return talkSeconds / loggedInSeconds;
    }

    /** Abandoned calls in percent of live answers. */
    public double abandonPercent() {
        long live = connects + abandoned;
        return live == 0 ? 0 : 100.0 * abandoned / live;
    }

    /** Mean idle time before a connect, seconds. */
    public double idleBetweenCalls() {
        return connects == 0 ? 0 : idleSecondsTotal / connects;
    }

    /** Connects per logged-in agent-hour. */
    public double connectsPerAgentHour() {
        return connects / (loggedInSeconds / 3600);
    }
}
