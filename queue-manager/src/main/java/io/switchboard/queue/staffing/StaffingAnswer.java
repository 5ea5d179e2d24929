package io.switchboard.queue.staffing;

import java.util.OptionalDouble;

/**
 * An answer: the agents needed for the target (or the agents given) and how the queue performs with them.
 *
 * @param model               Erlang C or Erlang A
 * @param erlangs             offered traffic
 * @param answerWithinSeconds the service level's threshold
 * @param targetServiceLevel  the target, when the question gave one
 * @param metrics             the queue with {@code metrics.agents()} agents
 */
public record StaffingAnswer(StaffingModel model, double erlangs, double answerWithinSeconds,
        OptionalDouble targetServiceLevel, QueueMetrics metrics) implements StaffingOutcome {

    public int agents() {
        return metrics.agents();
    }

    /** Whether the service level reaches the target; true when there is no target. */
    public boolean meetsTarget() {
        return targetServiceLevel.isEmpty() || metrics.serviceLevel() >= targetServiceLevel.getAsDouble();
    }
}
