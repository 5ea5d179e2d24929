package io.switchboard.queue.kpi;

import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.QueueId;

import java.util.Set;

/** The queues and agents whose KPIs one event changed, so that only their snapshots are pushed. */
public record KpiChanges(Set<QueueId> queues, Set<AgentId> agents) {

    public KpiChanges {
        queues = Set.copyOf(queues);
        agents = Set.copyOf(agents);
    }

    /** Nothing changed. */
    public static KpiChanges none() {
        return new KpiChanges(Set.of(), Set.of());
    }
}
