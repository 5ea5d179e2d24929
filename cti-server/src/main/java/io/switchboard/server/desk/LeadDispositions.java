package io.switchboard.server.desk;

import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.LeadId;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.Optional;

/** A campaign lead's wrap-up, as the desk's callback gives it: {@code JooqLeadQueue.disposeConnected}. */
@FunctionalInterface
public interface LeadDispositions {

  /** Disposes the connected lead; false, and nothing changed, when it is not on a connected call. */
  Future<Boolean> dispose(LeadId lead, String disposition, Optional<Instant> callbackAt,
      Optional<AgentId> callbackAgent, Instant at);
}
