package io.switchboard.server.agent;

import io.switchboard.core.agent.Agent;
import io.switchboard.core.id.AgentId;

/** What creating an agent came to. Business outcomes are values; only broken infrastructure fails the future. */
public sealed interface CreateOutcome {

  /** The agent was stored. */
  record Created(Agent agent) implements CreateOutcome {}

  /** An agent with this id already exists; nothing was changed. */
  record AlreadyExists(AgentId id) implements CreateOutcome {}
}
