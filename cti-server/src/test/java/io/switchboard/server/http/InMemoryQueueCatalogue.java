package io.switchboard.server.http;

import io.switchboard.core.id.QueueId;
import io.switchboard.server.queue.QueueCatalogue;
import io.switchboard.server.queue.QueueDefinition;
import io.switchboard.server.queue.QueueDefinition.Kind;
import io.switchboard.server.queue.QueueDefinition.Reference;
import io.switchboard.server.queue.QueueWrite;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** Queues in a map, checking named skills and agents against fixed catalogues, as the jOOQ store does. */
final class InMemoryQueueCatalogue implements QueueCatalogue {

  private final Map<QueueId, QueueDefinition> queues = new TreeMap<>((a, b) -> a.value().compareTo(b.value()));
  private final Set<String> skills;
  private final Set<String> agents;

  InMemoryQueueCatalogue(Set<String> skills, Set<String> agents) {
    this.skills = skills;
    this.agents = agents;
  }

  @Override
  public synchronized Future<List<QueueDefinition>> definitions() {
    return Future.succeededFuture(List.copyOf(queues.values()));
  }

  @Override
  public synchronized Future<Optional<QueueDefinition>> definition(QueueId id) {
    return Future.succeededFuture(Optional.ofNullable(queues.get(id)));
  }

  @Override
  public synchronized Future<QueueWrite> create(QueueDefinition queue) {
    if (queues.containsKey(queue.id())) {
      return Future.succeededFuture(new QueueWrite.AlreadyExists(queue.id()));
    }
    return store(queue);
  }

  @Override
  public synchronized Future<QueueWrite> replace(QueueDefinition queue) {
    if (!queues.containsKey(queue.id())) {
      return Future.succeededFuture(new QueueWrite.NotFound(queue.id()));
    }
    return store(queue);
  }

  @Override
  public synchronized Future<QueueWrite> delete(QueueId id) {
    QueueDefinition queue = queues.get(id);
    if (queue == null) {
      return Future.succeededFuture(new QueueWrite.NotFound(id));
    }
    if (!queue.members().isEmpty()) {
      return Future.succeededFuture(new QueueWrite.InUse(id, "agents are still members"));
    }
    queues.remove(id);
    return Future.succeededFuture(new QueueWrite.Saved(id));
  }

  private Future<QueueWrite> store(QueueDefinition queue) {
    for (Reference reference : queue.references()) {
      boolean known = switch (reference.kind()) {
        case SKILL -> skills.contains(reference.value());
        case AGENT -> agents.contains(reference.value());
        case QUEUE -> queues.containsKey(io.switchboard.core.id.QueueId.of(reference.value()));
      };
      if (!known) {
        return Future.succeededFuture(new QueueWrite.UnknownReference(reference));
      }
    }
    queues.put(queue.id(), new QueueDefinition(queue.setup(), queue.serviceLevelSeconds(), queue.members(), List.of(),
        queue.serviceLevelTargetPercent()));
    return Future.succeededFuture(new QueueWrite.Saved(queue.id()));
  }
}
