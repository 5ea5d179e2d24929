package io.switchboard.core.id;

import io.switchboard.core.Require;

/**
 * Identifies an agent, as known to the agent directory.
 *
 * @param value the id as it appears in config, storage and logs; never blank
 */
public record AgentId(String value) {

    public AgentId {
        Require.nonBlank(value, "agentId");
    }

    /** Shorthand for {@code new AgentId(value)}. */
    public static AgentId of(String value) {
        return new AgentId(value);
    }

    /** The bare id, so that logs read {@code agentId=...} rather than a record dump. */
    @Override
    public String toString() {
        return value;
    }
}
