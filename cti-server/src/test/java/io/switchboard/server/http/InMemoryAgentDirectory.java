package io.switchboard.server.http;

import io.switchboard.core.agent.Agent;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.QueueId;
import io.switchboard.server.agent.AgentRegistry;
import io.switchboard.server.agent.CreateOutcome;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentSkipListMap;

/** The agent registry of the HTTP tests: a sorted map. */
public final class InMemoryAgentDirectory implements AgentRegistry {

  private final Map<String, Agent> agents = new ConcurrentSkipListMap<>();

  @Override
  public Future<List<Agent>> list() {
    return Future.succeededFuture(List.copyOf(agents.values()));
  }

  @Override
  public CompletionStage<Optional<Agent>> find(AgentId id) {
    return CompletableFuture.completedFuture(Optional.ofNullable(agents.get(id.value())));
  }

  @Override
  public CompletionStage<List<Agent>> membersOf(QueueId queue) {
    return CompletableFuture.completedFuture(agents.values().stream().filter(a -> a.isMemberOf(queue)).toList());
  }

  @Override
  public Future<CreateOutcome> create(Agent agent) {
    return Future.succeededFuture(agents.putIfAbsent(agent.id().value(), agent) == null
        ? new CreateOutcome.Created(agent) : new CreateOutcome.AlreadyExists(agent.id()));
  }
}
