package io.switchboard.server.queue;

import io.switchboard.core.id.QueueId;
import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;

/**
 * The queues as the admin API needs them. Every write is all-or-nothing: a rejected request changes nothing.
 */
public interface QueueCatalogue {

  /** Every queue, ordered by id. */
  Future<List<QueueDefinition>> definitions();

  /** The queue {@code id}, empty when there is none. */
  Future<Optional<QueueDefinition>> definition(QueueId id);

  /** Stores a new queue, unless the id is taken or it names an unknown skill or agent. */
  Future<QueueWrite> create(QueueDefinition queue);

  /** Replaces every setting and the members of an existing queue. */
  Future<QueueWrite> replace(QueueDefinition queue);

  /** Removes a queue that has no members and no campaign. */
  Future<QueueWrite> delete(QueueId id);
}
