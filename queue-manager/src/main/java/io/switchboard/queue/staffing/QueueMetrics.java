package io.switchboard.queue.staffing;

/**
 * How a queue performs with a number of agents, in the long run.
 *
 * @param agents                 agents taking calls
 * @param waitProbability        share of callers who find every agent busy and wait, P(wait)
 * @param serviceLevel           share of all offered callers answered within the threshold; callers who
 *                               abandon count against it, whenever they hang up
 * @param asaSeconds             average speed of answer: mean wait of the callers who are answered,
 *                               including those answered at once
 * @param abandonmentProbability share of callers who hang up before an answer; 0 under Erlang C
 * @param occupancy              share of agent time spent on calls
 */
public record QueueMetrics(int agents, double waitProbability, double serviceLevel, double asaSeconds,
        double abandonmentProbability, double occupancy) {
}
