package io.switchboard.server.kpi;

import io.switchboard.core.agent.AgentStatus;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.port.AgentStateStore;
import io.switchboard.core.port.StatusUpdate;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A tap on the agent state store: every status this node stores (the router's moves and the API's state
 * changes both compare-and-set here) is counted by the live KPIs. Reads and the store's answers pass through
 * unchanged; counting never fails a write. In a cluster the status also goes to the other nodes' KPIs
 * ({@link KpiFeed}), and theirs come here the same way, so every node counts every agent's moves.
 */
final class KpiAgentStates implements AgentStateStore {

  private static final Logger LOG = LoggerFactory.getLogger(KpiAgentStates.class);

  private final AgentStateStore states;
  private final BiConsumer<AgentId, AgentStatus> kpis;

  KpiAgentStates(AgentStateStore states, BiConsumer<AgentId, AgentStatus> kpis) {
    this.states = states;
    this.kpis = kpis;
  }

  @Override
  public CompletionStage<Optional<AgentStatus>> read(AgentId agent) {
    return states.read(agent);
  }

  @Override
  public CompletionStage<StatusUpdate> compareAndSet(AgentId agent, long expectedVersion, AgentStatus next) {
    return states.compareAndSet(agent, expectedVersion, next).thenApply(update -> {
      if (update instanceof StatusUpdate.Stored stored) {
        try {
          kpis.accept(agent, stored.status());
        } catch (RuntimeException e) {
          LOG.warn("event=kpi-count-failed agentId={} state={} reason={}", agent, stored.status().state(),
              e.toString());
        }
      }
      return update;
    });
  }
}
