package io.switchboard.queue.dialer.pacing;

import io.switchboard.core.Require;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A campaign's agents and calls at the moment the pacer is asked, counted for that campaign only (a blended
 * agent lent to it counts while lent).
 *
 * @param now             the moment of the decision
 * @param agentsReady     agents free now for this campaign (available, line open, not reserved)
 * @param agentsTalking   for each agent on a campaign call, how long it has lasted so far
 * @param agentsWrapping  for each agent in wrap-up after a campaign call, how long the wrap-up has lasted so far
 * @param callsRinging    for each call placed and not yet answered, how long it has rung so far
 * @param callsWaiting    live answers waiting for an agent right now (at most the 2-second connect wait)
 */
public record PacingInput(
        Instant now,
        int agentsReady,
        List<Duration> agentsTalking,
        List<Duration> agentsWrapping,
        List<Duration> callsRinging,
        int callsWaiting) {

    public PacingInput {
        Require.nonNull(now, "now");
        Require.atLeast(agentsReady, 0, "agentsReady");
        agentsTalking = List.copyOf(Require.nonNull(agentsTalking, "agentsTalking"));
        agentsWrapping = List.copyOf(Require.nonNull(agentsWrapping, "agentsWrapping"));
        callsRinging = List.copyOf(Require.nonNull(callsRinging, "callsRinging"));
        Require.atLeast(callsWaiting, 0, "callsWaiting");
    }

    /** Calls placed that have not reached an agent yet: ringing, or answered and waiting for one. */
    public int callsInFlight() {
        return callsRinging.size() + callsWaiting;
    }
}
