package io.switchboard.queue.dialer.pacing;

import io.switchboard.core.Require;

/**
 * The pacer of an agentless campaign (a recorded message, no agent): keeps its {@code lines} calls in flight,
 * never more. There is nobody to pace against, so the only limit is the lines the operator gave the campaign;
 * every call the campaign has up counts, ringing or answered and hearing the message (the dialer passes those as
 * {@link PacingInput#callsWaiting()}: like a live answer waiting for an agent, each holds a line until it ends).
 * Free agents play no part. VICIdial's broadcast campaigns pace the same way, by a fixed level per "agent" of a
 * virtual agent pool; here the lines are the campaign's own number.
 */
public final class AgentlessPacer implements Pacer {

    private final int lines;

    /** @param lines the most calls in flight at once, 1 or more */
    public AgentlessPacer(int lines) {
        this.lines = Require.atLeast(lines, 1, "lines");
    }

    @Override
    public int callsToPlace(PacingInput input) {
        return Math.max(0, lines - input.callsInFlight());
    }
}
