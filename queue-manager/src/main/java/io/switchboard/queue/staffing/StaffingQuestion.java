package io.switchboard.queue.staffing;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * A staffing question about one queue and one interval. Without {@code agents} it asks how many agents
 * reach {@code serviceLevel}; with {@code agents} it asks how those agents perform. With
 * {@code patienceSeconds} callers abandon (Erlang A), without it they wait for ever (Erlang C).
 *
 * <p>Field names are those of the API; {@link #problem()} names the first invalid one.
 *
 * @param callsPerInterval    calls offered in the interval
 * @param intervalSeconds     length of the interval
 * @param ahtSeconds          average handling time: talk, hold and wrap-up
 * @param serviceLevel        target share answered within {@code answerWithinSeconds}, in (0, 1]
 * @param answerWithinSeconds the service level's threshold
 * @param agents              a given staff instead of a target to reach
 * @param patienceSeconds     mean time a caller waits before hanging up
 */
public record StaffingQuestion(double callsPerInterval, double intervalSeconds, double ahtSeconds,
        OptionalDouble serviceLevel, double answerWithinSeconds, OptionalInt agents, OptionalDouble patienceSeconds) {

    /** The most agents a question may give, and the most a staffing search tries. */
    public static final int MAX_AGENTS = 10_000;

    /** How many agents reach {@code serviceLevel} of calls answered within {@code answerWithinSeconds}. */
    public static StaffingQuestion agentsFor(double callsPerInterval, double intervalSeconds, double ahtSeconds,
            double serviceLevel, double answerWithinSeconds) {
        return new StaffingQuestion(callsPerInterval, intervalSeconds, ahtSeconds, OptionalDouble.of(serviceLevel),
                answerWithinSeconds, OptionalInt.empty(), OptionalDouble.empty());
    }

    /** The same question about a given number of agents. */
    public StaffingQuestion withAgents(int count) {
        return new StaffingQuestion(callsPerInterval, intervalSeconds, ahtSeconds, serviceLevel, answerWithinSeconds,
                OptionalInt.of(count), patienceSeconds);
    }

    /** The same question with callers who hang up after {@code seconds} on average (Erlang A). */
    public StaffingQuestion withPatience(double seconds) {
        return new StaffingQuestion(callsPerInterval, intervalSeconds, ahtSeconds, serviceLevel, answerWithinSeconds,
                agents, OptionalDouble.of(seconds));
    }

    /** Offered traffic in erlangs: calls per second times handling time. */
    public double erlangs() {
        return callsPerSecond() * ahtSeconds;
    }

    public double callsPerSecond() {
        return callsPerInterval / intervalSeconds;
    }

    public StaffingModel model() {
        return patienceSeconds.isPresent() ? StaffingModel.ERLANG_A : StaffingModel.ERLANG_C;
    }

    /** The first invalid field, if any. */
    public Optional<StaffingOutcome.InvalidInput> problem() {
        if (!positive(callsPerInterval)) {
            return invalid("callsPerInterval", "must be a number above 0");
        }
        if (!positive(intervalSeconds)) {
            return invalid("intervalSeconds", "must be a number of seconds above 0");
        }
        if (!positive(ahtSeconds)) {
            return invalid("ahtSeconds", "must be a number of seconds above 0");
        }
        if (!Double.isFinite(answerWithinSeconds) || answerWithinSeconds < 0) {
            return invalid("answerWithinSeconds", "must be a number of seconds, 0 or more");
        }
        if (serviceLevel.isEmpty() && agents.isEmpty()) {
            return invalid("serviceLevel", "is required unless agents is given");
        }
        if (serviceLevel.isPresent() && !(serviceLevel.getAsDouble() > 0 && serviceLevel.getAsDouble() <= 1)) {
            return invalid("serviceLevel", "must be above 0 and at most 1 (0.8 means 80%)");
        }
        if (agents.isPresent() && (agents.getAsInt() < 1 || agents.getAsInt() > MAX_AGENTS)) {
            return invalid("agents", "must be 1 to " + MAX_AGENTS);
        }
        if (patienceSeconds.isPresent() && !positive(patienceSeconds.getAsDouble())) {
            return invalid("patienceSeconds", "must be a number of seconds above 0");
        }
        return Optional.empty();
    }

    private static boolean positive(double value) {
        return Double.isFinite(value) && value > 0;
    }

    private static Optional<StaffingOutcome.InvalidInput> invalid(String field, String reason) {
        return Optional.of(new StaffingOutcome.InvalidInput(field, reason));
    }
}
