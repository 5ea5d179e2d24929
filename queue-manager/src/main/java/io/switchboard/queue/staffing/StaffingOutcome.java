package io.switchboard.queue.staffing;

/** What {@link Staffing#answer} says: an answer, or why the question has none. */
public sealed interface StaffingOutcome permits StaffingAnswer, StaffingOutcome.InvalidInput,
        StaffingOutcome.Overloaded, StaffingOutcome.TargetUnreachable, StaffingOutcome.QueueTooLong {

    /** A field of the question is missing or out of range; {@code field} is its API name. */
    record InvalidInput(String field, String reason) implements StaffingOutcome {
        public String message() {
            return field + " " + reason;
        }
    }

    /** Erlang C with no more agents than erlangs: callers arrive faster than they are served, for ever. */
    record Overloaded(int agents, double erlangs) implements StaffingOutcome {
        public String message() {
            return String.format(java.util.Locale.ROOT, "%d agents cannot keep up with %.2f erlangs of traffic:"
                    + " without abandonment the queue grows for ever; give more agents or a patience", agents, erlangs);
        }
    }

    /** Even {@link StaffingQuestion#MAX_AGENTS} agents do not reach the target service level. */
    record TargetUnreachable(double serviceLevel, int maxAgents, double bestServiceLevel) implements StaffingOutcome {
        public String message() {
            return String.format(java.util.Locale.ROOT, "a service level of %.2f%% is not reached with up to %d"
                    + " agents (they give %.2f%%)", serviceLevel * 100, maxAgents, bestServiceLevel * 100);
        }
    }

    /**
     * Erlang A whose queue would hold more than {@link ErlangA#MAX_QUEUE_STATES} callers: patience far longer
     * than the handling time with far too few agents.
     */
    record QueueTooLong(int agents, double patienceSeconds) implements StaffingOutcome {
        public String message() {
            return String.format(java.util.Locale.ROOT, "with %d agents and a patience of %.0f s the queue would"
                    + " hold over %d callers; give more agents or a shorter patience", agents, patienceSeconds,
                    ErlangA.MAX_QUEUE_STATES);
        }
    }
}
