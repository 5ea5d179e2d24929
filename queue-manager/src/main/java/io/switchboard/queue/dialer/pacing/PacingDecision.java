package io.switchboard.queue.dialer.pacing;

import io.switchboard.core.Require;

/**
 * What the predictive pacer decided, and why.
 *
 * @param calls        calls to place now, 0 or more
 * @param basis        predicted, or which fallback to progressive applied
 * @param acceptedRisk the chance of abandon accepted for the last call placed (0 when progressive)
 */
public record PacingDecision(int calls, PacingBasis basis, double acceptedRisk) {

    public PacingDecision {
        Require.atLeast(calls, 0, "calls");
        Require.nonNull(basis, "basis");
    }
}
