package io.switchboard.server.http;

import io.switchboard.server.agent.Agent;
import io.switchboard.server.agent.AgentDirectory;
import io.switchboard.server.agent.CreateOutcome;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/** The agent directory of the HTTP tests: a sorted map. */
final class InMemoryAgentDirectory implements AgentDirectory {

  private final Map<String, Agent> agents = new ConcurrentSkipListMap<>();

  @Override
  public Future<List<Agent>> list() {
    return Future.succeededFuture(List.copyOf(agents.values()));
  }

  @Override
  public Future<Optional<Agent>> find(String id) {
    return Future.succeededFuture(Optional.ofNullable(agents.get(id)));
  }

  @Override
  public Future<CreateOutcome> create(Agent agent) {
    return Future.succeededFuture(agents.putIfAbsent(agent.id(), agent) == null
        ? new CreateOutcome.Created(agent) : new CreateOutcome.AlreadyExists(agent.id()));
  }
}
