package io.switchboard.server.wallboard;

import io.switchboard.core.id.AgentId;
import io.vertx.core.json.JsonObject;

/** One connected wallboard: what it may see and where its messages go. */
public interface Screen {

  /** Whether this wallboard shows {@code agent}: a supervisor sees the agents of their teams, an admin all. */
  boolean sees(AgentId agent);

  /** Sends one message; called on the stream's context. */
  void send(JsonObject message);
}
