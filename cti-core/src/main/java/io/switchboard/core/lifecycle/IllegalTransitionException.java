package io.switchboard.core.lifecycle;

/**
 * Thrown by {@link Transition#orElseThrow()} when a caller treats an illegal
 * transition as a bug. Code that can meet a refusal in normal operation
 * inspects the {@link Transition} value instead.
 */
public final class IllegalTransitionException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final transient Transition.Illegal<?> refusal;

    public IllegalTransitionException(Transition.Illegal<?> refusal) {
        super(refusal.message());
        this.refusal = refusal;
    }

    /** The refused transition. */
    public Transition.Illegal<?> refusal() {
        return refusal;
    }
}
