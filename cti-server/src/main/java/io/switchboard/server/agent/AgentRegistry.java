package io.switchboard.server.agent;

import io.switchboard.core.agent.Agent;
import io.switchboard.core.port.AgentDirectory;
import io.vertx.core.Future;

import java.util.List;

/**
 * The agent directory as the admin API needs it: the routing port, plus
 * listing every agent and adding new ones.
 */
public interface AgentRegistry extends AgentDirectory {

  /** Every agent, ordered by id. */
  Future<List<Agent>> list();

  /** Stores a new agent with its skills, unless the id is taken. */
  Future<CreateOutcome> create(Agent agent);
}
