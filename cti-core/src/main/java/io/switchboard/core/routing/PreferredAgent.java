package io.switchboard.core.routing;

import io.switchboard.core.Require;
import io.switchboard.core.id.AgentId;

import java.time.Instant;

/**
 * The agent a task should go to if they become free in time: the last agent who spoke to the caller, or
 * the owner of the customer's CRM record. Until {@code until} only this agent is offered the task; after
 * it, the queue's strategy applies.
 *
 * @param agent the preferred agent
 * @param until when the preference lapses
 */
public record PreferredAgent(AgentId agent, Instant until) {

    public PreferredAgent {
        Require.nonNull(agent, "agent");
        Require.nonNull(until, "until");
    }

    /** Whether the preference still holds at {@code now}. */
    public boolean holdsAt(Instant now) {
        return now.isBefore(until);
    }
}
