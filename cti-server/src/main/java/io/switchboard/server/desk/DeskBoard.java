package io.switchboard.server.desk;

import io.switchboard.core.id.AgentId;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.Optional;

/**
 * Each agent's current desk call (ringing, connected, or the last one ended) where every node can read it: the node
 * that routes the call keeps it here, so an agent whose page is connected to another node gets the same snapshot
 * (docs/cluster.md).
 */
public interface DeskBoard {

  /** A node on its own: nothing is shared, every snapshot comes from the node's own desks. */
  DeskBoard NONE = new DeskBoard() {
    @Override
    public void put(AgentId agent, JsonObject call) { }

    @Override
    public void remove(AgentId agent) { }

    @Override
    public Future<Optional<JsonObject>> get(AgentId agent) {
      return Future.succeededFuture(Optional.empty());
    }
  };

  /** {@code agent}'s call is now {@code call} (its desk JSON); written without waiting. */
  void put(AgentId agent, JsonObject call);

  /** {@code agent} has no desk call any more; written without waiting. */
  void remove(AgentId agent);

  /** {@code agent}'s call as the node routing it last wrote it. */
  Future<Optional<JsonObject>> get(AgentId agent);
}
