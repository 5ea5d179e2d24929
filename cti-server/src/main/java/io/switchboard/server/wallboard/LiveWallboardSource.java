package io.switchboard.server.wallboard;

import io.switchboard.core.agent.Agent;
import io.switchboard.core.agent.AgentStatus;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CampaignId;
import io.switchboard.core.id.QueueId;
import io.switchboard.queue.dialer.CampaignSettings.CampaignState;
import io.switchboard.queue.dialer.CampaignDirectory;
import io.switchboard.queue.dialer.CampaignSettings;
import io.switchboard.queue.dialer.compliance.AbandonBudget;
import io.switchboard.queue.dialer.compliance.AbandonLedger;
import io.switchboard.server.agent.AgentRegistry;
import io.switchboard.server.kpi.KpiJson;
import io.switchboard.server.kpi.LiveKpis;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The node's wallboard figures: queues from the live KPIs, agents from the directory and the state store (one
 * read per agent), campaigns from the running ones with the abandon ledger's figures. Nothing here is cached:
 * every message carries the figures of its moment.
 */
final class LiveWallboardSource implements WallboardSource {

  private final LiveKpis kpis;
  private final AgentRegistry agents;
  private final Function<AgentId, Future<Optional<AgentStatus>>> states;
  private final CampaignDirectory campaigns;
  private final AbandonLedger ledger;
  private final double amdFalsePositives;
  private final Clock clock;
  private final Instant started;

  LiveWallboardSource(LiveKpis kpis, AgentRegistry agents, Function<AgentId, Future<Optional<AgentStatus>>> states,
      CampaignDirectory campaigns, AbandonLedger ledger, double amdFalsePositives, Clock clock) {
    this.kpis = kpis;
    this.agents = agents;
    this.states = states;
    this.campaigns = campaigns;
    this.ledger = ledger;
    this.amdFalsePositives = amdFalsePositives;
    this.clock = clock;
    this.started = clock.instant();
  }

  @Override
  public List<JsonObject> queues() {
    return kpis.queues().stream().map(KpiJson::queue).toList();
  }

  @Override
  public JsonObject queue(QueueId queue) {
    return KpiJson.queue(kpis.queue(queue));
  }

  @Override
  public Future<List<JsonObject>> agents() {
    return agents.list().compose(all -> Future.all(all.stream().map(this::tile).toList())
        .map(done -> done.<JsonObject>list()));
  }

  @Override
  public Future<JsonObject> agent(AgentId agent) {
    return Future.fromCompletionStage(agents.find(agent)).compose(found -> found.map(this::tile)
        .orElseGet(() -> states.apply(agent).map(status -> WallboardJson.agent(agent, agent.value(), status,
            started))));
  }

  private Future<JsonObject> tile(Agent agent) {
    return states.apply(agent.id()).map(status -> WallboardJson.agent(agent.id(), agent.displayName(), status,
        started));
  }

  @Override
  public Future<List<JsonObject>> campaigns() {
    return Future.fromCompletionStage(campaigns.running()).map(running -> running.stream().map(this::tile).toList());
  }

  @Override
  public Future<Optional<JsonObject>> campaign(CampaignId campaign) {
    return Future.fromCompletionStage(campaigns.find(campaign)).map(found -> found
        .filter(settings -> settings.state() == CampaignState.RUNNING).map(this::tile));
  }

  private JsonObject tile(CampaignSettings settings) {
    return WallboardJson.campaign(settings, AbandonBudget.of(settings.jurisdiction(),
        ledger.figures(settings.campaign().id(), clock.instant()), amdFalsePositives));
  }
}
