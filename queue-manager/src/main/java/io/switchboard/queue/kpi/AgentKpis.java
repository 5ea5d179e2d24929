package io.switchboard.queue.kpi;

import io.switchboard.core.agent.AgentState;
import io.switchboard.core.id.AgentId;

import java.time.Instant;
import java.util.Map;

/**
 * An agent's KPIs at one moment.
 *
 * @param state   the agent's state as last stored
 * @param windows the figures of every {@link KpiWindow}
 */
public record AgentKpis(AgentId agent, Instant at, AgentState state, Map<KpiWindow, AgentFigures> windows) {

    public AgentKpis {
        windows = Map.copyOf(windows);
    }
}
