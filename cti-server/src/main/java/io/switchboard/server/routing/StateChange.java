package io.switchboard.server.routing;

import io.switchboard.core.agent.AgentStatus;

/** What asking to change an agent's routing state came to. */
public sealed interface StateChange {

    /** The state was stored (or the agent was already in it). */
    record Changed(AgentStatus status) implements StateChange {
    }

    /** No agent has that id. */
    record UnknownAgent() implements StateChange {
    }

    /** The agent's lifecycle forbids the move, e.g. from RESERVED to LOGGED_OUT is fine but WRAP_UP to RESERVED is not. */
    record Refused(String message) implements StateChange {
    }

    /** The agent's state kept changing under the request (routing moved them); try again. */
    record Conflict() implements StateChange {
    }
}
