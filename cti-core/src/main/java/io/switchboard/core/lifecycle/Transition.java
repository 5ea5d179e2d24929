package io.switchboard.core.lifecycle;

import io.switchboard.core.Require;

import java.util.function.Function;

/**
 * The outcome of asking a lifecycle to move: either the moved value or an
 * {@link Illegal} transition.
 *
 * <p>An illegal transition is a value, not an exception, because it is an
 * ordinary outcome in a distributed contact center: PBX events arrive late or
 * twice, two nodes race for the same agent. Callers that know a refusal can
 * only be a bug call {@link #orElseThrow()}, which throws
 * {@link IllegalTransitionException}.
 *
 * @param <T> the type of the value that moved (an agent status, a task, ...)
 */
public sealed interface Transition<T> permits Transition.Moved, Transition.Illegal {

    /** The lifecycle moved; {@code value} is the new, immutable state. */
    record Moved<T>(T value) implements Transition<T> {
        public Moved {
            Require.nonNull(value, "value");
        }
    }

    /**
     * The lifecycle refused to move from {@code from} to {@code to}.
     *
     * @param lifecycle what refused, e.g. {@code "AgentState"}; doubles as part of the error id
     * @param from      the state it is in
     * @param to        the state it was asked to move to
     */
    record Illegal<T>(String lifecycle, Enum<?> from, Enum<?> to) implements Transition<T> {
        public Illegal {
            Require.nonBlank(lifecycle, "lifecycle");
            Require.nonNull(from, "from");
            Require.nonNull(to, "to");
        }

        /** A stable slug for API errors and metrics. */
        public String errorId() {
            return "illegal-transition";
        }

        /** A human-readable explanation, e.g. {@code AgentState cannot move from WRAP_UP to RESERVED}. */
        public String message() {
            return lifecycle + " cannot move from " + from + " to " + to;
        }
    }

    /** Whether the lifecycle moved. */
    default boolean isMoved() {
        return this instanceof Moved;
    }

    /** The moved value, or an {@link IllegalTransitionException} when the caller treats a refusal as a bug. */
    default T orElseThrow() {
        if (this instanceof Moved<T> moved) {
            return moved.value();
        }
        throw new IllegalTransitionException((Illegal<?>) this);
    }

    /** Applies {@code mapper} to a moved value; an illegal transition passes through unchanged. */
    @SuppressWarnings("unchecked")
    default <R> Transition<R> map(Function<? super T, ? extends R> mapper) {
        if (this instanceof Moved<T> moved) {
            return new Moved<>(mapper.apply(moved.value()));
        }
        return (Transition<R>) this;
    }
}
