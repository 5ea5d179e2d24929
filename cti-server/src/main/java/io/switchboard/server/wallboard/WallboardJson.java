package io.switchboard.server.wallboard;

import io.switchboard.core.agent.AgentState;
import io.switchboard.core.agent.AgentStatus;
import io.switchboard.core.agent.ReasonCode;
import io.switchboard.core.id.AgentId;
import io.switchboard.queue.dialer.Broadcast;
import io.switchboard.queue.dialer.CampaignSettings;
import io.switchboard.queue.dialer.compliance.AbandonBudget;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** The wallboard's agent and campaign tiles: the schemas {@code WallboardAgent} and {@code WallboardCampaign}. */
final class WallboardJson {

  private WallboardJson() {}

  /**
   * An agent's tile: {@code since} is when the agent entered the state, so a wallboard ticks the time in state
   * itself; an agent never stored reads as logged out since {@code never}.
   */
  static JsonObject agent(AgentId agent, String name, Optional<AgentStatus> status, Instant never) {
    AgentState state = status.map(AgentStatus::state).orElse(AgentState.LOGGED_OUT);
    return new JsonObject().put("agent", agent.value()).put("name", name)
        .put("state", state.name().toLowerCase(Locale.ROOT).replace('_', '-'))
        .put("reason", status.flatMap(AgentStatus::reason).map(ReasonCode::value).orElse(null))
        .put("since", status.map(AgentStatus::since).orElse(never).toString());
  }

  /**
   * A running campaign's tile: its pacing (mode, the power ratio or the agentless lines) and its abandonment rate
   * over the jurisdiction's period against the cap, with how many abandons are left before the budget is spent.
   */
  static JsonObject campaign(CampaignSettings settings, AbandonBudget budget) {
    String mode = settings.campaign().mode().name().toLowerCase(Locale.ROOT);
    return new JsonObject().put("campaign", settings.campaign().id().value()).put("name", settings.campaign().name())
        .put("mode", mode).put("state", settings.state().name().toLowerCase(Locale.ROOT))
        .put("dialRatio", "power".equals(mode) ? settings.dialRatio() : null)
        .put("lines", settings.broadcast().map(Broadcast::lines).orElse(null))
        .put("jurisdiction", settings.jurisdiction().slug())
        .put("abandonRatePercent", budget.measured().orElse(null))
        .put("abandonCapPercent", budget.capPercent())
        .put("abandonRate24hPercent", budget.rate24h().orElse(null))
        .put("abandonsLeft", budget.remaining())
        .put("budgetSpent", budget.spent());
  }
}
