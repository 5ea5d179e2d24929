package io.switchboard.server.wallboard;

import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CampaignId;
import io.switchboard.core.id.QueueId;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;

/**
 * What a wallboard shows, read at the moment a message is sent: queue tiles (the live KPIs), agent tiles (state,
 * reason, since), campaign tiles (pacing and abandonment against the budget). Reads never block.
 */
public interface WallboardSource {

  /** Every queue this node has seen, as {@code QueueKpis}. */
  List<JsonObject> queues();

  /** One queue, as {@code QueueKpis}. */
  JsonObject queue(QueueId queue);

  /** Every agent in the directory with their state. */
  Future<List<JsonObject>> agents();

  /** One agent with their state ({@code WallboardAgent}). */
  Future<JsonObject> agent(AgentId agent);

  /** Every running campaign ({@code WallboardCampaign}). */
  Future<List<JsonObject>> campaigns();

  /** One campaign, empty when it is not running (any more). */
  Future<Optional<JsonObject>> campaign(CampaignId campaign);
}
