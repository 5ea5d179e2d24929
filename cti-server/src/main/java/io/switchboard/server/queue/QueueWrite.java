package io.switchboard.server.queue;

import io.switchboard.core.id.QueueId;

/** What creating, replacing or deleting a queue came to. Only broken infrastructure fails the future. */
public sealed interface QueueWrite {

  /** The queue was stored (or, for a delete, removed) as asked. */
  record Saved(QueueId id) implements QueueWrite {}

  /** Create only: a queue with this id already exists; nothing changed. */
  record AlreadyExists(QueueId id) implements QueueWrite {}

  /** Replace or delete: no queue has this id; nothing changed. */
  record NotFound(QueueId id) implements QueueWrite {}

  /** A field names a skill or agent the catalogue does not know; nothing changed. */
  record UnknownReference(QueueDefinition.Reference reference) implements QueueWrite {}

  /** Delete only: the queue still has members or is used by a campaign; nothing changed. */
  record InUse(QueueId id, String reason) implements QueueWrite {}
}
