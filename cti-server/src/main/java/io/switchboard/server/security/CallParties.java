package io.switchboard.server.security;

import io.vertx.core.Future;
import java.util.Set;

/** Who is on a call, for {@link Rule#OWN_CALL}: read from the routing state's call record. */
public interface CallParties {

  /** The agents with a leg on call {@code callId} that has not ended; empty when there is no such live call. */
  Future<Set<String>> liveAgents(String callId);

  /** No call has anyone on it: only admins pass {@link Rule#OWN_CALL} (a node without routing). */
  CallParties NONE = call -> Future.succeededFuture(Set.of());
}
