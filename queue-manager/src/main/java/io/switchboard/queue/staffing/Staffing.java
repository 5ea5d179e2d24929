package io.switchboard.queue.staffing;

import java.util.Optional;

/**
 * Answers staffing questions with Erlang C or Erlang A; pure functions, no state. A search returns the
 * fewest agents, up to {@link StaffingQuestion#MAX_AGENTS}, whose service level reaches the target.
 */
public final class Staffing {

    private Staffing() {
    }

    /** The answer to {@code question}, or why it has none. */
    public static StaffingOutcome answer(StaffingQuestion question) {
        Optional<StaffingOutcome.InvalidInput> problem = question.problem();
        if (problem.isPresent()) {
            return problem.get();
        }
        return question.model() == StaffingModel.ERLANG_C ? erlangC(question) : erlangA(question);
    }

    private static StaffingOutcome erlangC(StaffingQuestion question) {
        double erlangs = question.erlangs();
        if (question.agents().isPresent()) {
            int agents = question.agents().getAsInt();
            if (agents <= erlangs) {
                return new StaffingOutcome.Overloaded(agents, erlangs);
            }
            return answer(question, ErlangC.metrics(agents, erlangs, ErlangC.erlangB(agents, erlangs),
                    question.ahtSeconds(), question.answerWithinSeconds()));
        }
        double target = question.serviceLevel().getAsDouble();
        int first = (int) Math.floor(erlangs) + 1;
        if (first > StaffingQuestion.MAX_AGENTS) {
            return new StaffingOutcome.TargetUnreachable(target, StaffingQuestion.MAX_AGENTS, 0);
        }
        double erlangB = ErlangC.erlangB(first, erlangs);
        QueueMetrics metrics = null;
        for (int agents = first; agents <= StaffingQuestion.MAX_AGENTS; agents++) {
            if (agents > first) {
                erlangB = ErlangC.next(erlangB, agents, erlangs);
            }
            metrics = ErlangC.metrics(agents, erlangs, erlangB, question.ahtSeconds(), question.answerWithinSeconds());
            if (metrics.serviceLevel() >= target) {
                return answer(question, metrics);
            }
        }
        return new StaffingOutcome.TargetUnreachable(target, StaffingQuestion.MAX_AGENTS, metrics.serviceLevel());
    }

    /**
     * Binary search: Erlang A's service level rises with the agents. The search starts at
     * {@code target * erlangs} agents, since the answered share can never exceed {@code agents / erlangs}.
     */
    private static StaffingOutcome erlangA(StaffingQuestion question) {
        if (question.agents().isPresent()) {
            return erlangA(question, question.agents().getAsInt())
                    .<StaffingOutcome>map(metrics -> answer(question, metrics))
                    .orElseGet(() -> tooLong(question, question.agents().getAsInt()));
        }
        double target = question.serviceLevel().getAsDouble();
        int high = StaffingQuestion.MAX_AGENTS;
        Optional<QueueMetrics> best = erlangA(question, high);
        if (best.isEmpty()) {
            return tooLong(question, high);
        }
        if (best.get().serviceLevel() < target) {
            return new StaffingOutcome.TargetUnreachable(target, high, best.get().serviceLevel());
        }
        int low = (int) Math.max(0, Math.min(high - 1, Math.floor(target * question.erlangs()) - 1));
        while (high - low > 1) {
            int middle = low + (high - low) / 2;
            Optional<QueueMetrics> metrics = erlangA(question, middle);
            if (metrics.isEmpty()) {
                return tooLong(question, middle);
            }
            if (metrics.get().serviceLevel() >= target) {
                high = middle;
                best = metrics;
            } else {
                low = middle;
            }
        }
        return answer(question, best.get());
    }

    private static Optional<QueueMetrics> erlangA(StaffingQuestion question, int agents) {
        return ErlangA.metrics(agents, question.callsPerSecond(), question.ahtSeconds(),
                question.patienceSeconds().getAsDouble(), question.answerWithinSeconds());
    }

    private static StaffingOutcome tooLong(StaffingQuestion question, int agents) {
        return new StaffingOutcome.QueueTooLong(agents, question.patienceSeconds().getAsDouble());
    }

    private static StaffingAnswer answer(StaffingQuestion question, QueueMetrics metrics) {
        return new StaffingAnswer(question.model(), question.erlangs(), question.answerWithinSeconds(),
                question.serviceLevel(), metrics);
    }
}
