package io.switchboard.server.security;

import java.util.Set;

/** Which teams an agent is in, for "a supervisor acts on the agents of their teams". Answers from memory. */
public interface TeamDirectory {

  /** The teams of agent {@code agentId}; empty when the agent has no user or no team. */
  Set<String> teamsOf(String agentId);
}
