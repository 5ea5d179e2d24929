package io.switchboard.queue.selection;

import io.switchboard.core.Require;

import java.time.Duration;

/**
 * Whom a queue's callers are first offered to, and for how long, before the queue's strategy applies.
 *
 * @param lastAgent whether a caller goes first to the agent who last spoke to them (within the server's
 *                  retention), if that agent is offerable; otherwise the caller waits for them
 * @param timeout   how long after the caller entered the queue the preference holds; positive
 */
public record PreferredAgentRule(boolean lastAgent, Duration timeout) {

    /** How long a preference holds when the queue's configuration names none. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    /** No preference: the queue's strategy applies from the start. */
    public static final PreferredAgentRule OFF = new PreferredAgentRule(false, DEFAULT_TIMEOUT);

    public PreferredAgentRule {
        Require.positive(timeout, "timeout");
    }
}
