package io.switchboard.server.agent;

import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;

/** The stored agents and their skills, as the REST API needs them. */
public interface AgentDirectory {

  /** Every agent, ordered by id. */
  Future<List<Agent>> list();

  /** The agent with this id, if any. */
  Future<Optional<Agent>> find(String id);

  /** Stores a new agent with its skills, unless the id is taken. */
  Future<CreateOutcome> create(Agent agent);
}
