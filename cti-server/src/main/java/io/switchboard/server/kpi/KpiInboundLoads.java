package io.switchboard.server.kpi;

import io.switchboard.core.agent.Agent;
import io.switchboard.core.agent.AgentState;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.QueueId;
import io.switchboard.core.port.AgentDirectory;
import io.switchboard.queue.dialer.blend.InboundLoad;
import io.switchboard.queue.dialer.blend.InboundLoads;
import io.switchboard.queue.kpi.KpiWindow;
import io.switchboard.queue.kpi.QueueFigures;
import io.switchboard.queue.kpi.QueueKpis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Blending's view of the inbound queues, from the node's live KPIs: waiting callers and the longest wait now,
 * the arrival rate and handle time of the last 15 minutes, the service level of the last 60 minutes, and the
 * queue's members who take inbound calls only and are working (logged in, not paused), and of them those free
 * now (available). Each queue is protected
 * to its own service-level target and threshold ({@code serviceLevelTargetPercent}, {@code serviceLevelSeconds}),
 * as the live KPIs judge it.
 */
public final class KpiInboundLoads implements InboundLoads {

    /** The handle time assumed for a queue that has handled no call in the last hour. */
    static final Duration DEFAULT_HANDLE_TIME = Duration.ofMinutes(3);
    private static final Set<AgentState> WORKING = EnumSet.of(AgentState.AVAILABLE, AgentState.RESERVED,
            AgentState.ON_CALL, AgentState.WRAP_UP);
    /** Inbound-only agents who can take a waiting caller at once. */
    private static final Set<AgentState> FREE = EnumSet.of(AgentState.AVAILABLE);

    private final LiveKpis kpis;
    private final AgentDirectory directory;

    public KpiInboundLoads(LiveKpis kpis, AgentDirectory directory) {
        this.kpis = kpis;
        this.directory = directory;
    }

    @Override
    public CompletionStage<List<InboundLoad>> of(Set<QueueId> queues, Set<AgentId> blended) {
        List<CompletableFuture<InboundLoad>> loads = new ArrayList<>();
        for (QueueId queue : queues) {
            loads.add(directory.membersOf(queue).toCompletableFuture()
                    .thenApply(members -> load(queue, inboundOnly(members, blended, WORKING),
                            inboundOnly(members, blended, FREE))));
        }
        return CompletableFuture.allOf(loads.toArray(CompletableFuture[]::new))
                .thenApply(x -> loads.stream().map(CompletableFuture::join).toList());
    }

    private int inboundOnly(List<Agent> members, Set<AgentId> blended, Set<AgentState> in) {
        return (int) members.stream().map(Agent::id).filter(id -> !blended.contains(id))
                .filter(id -> in.contains(kpis.agent(id).state())).count();
    }

    InboundLoad load(QueueId queue, int inboundOnly, int inboundOnlyFree) {
        QueueKpis now = kpis.queue(queue);
        QueueFigures recent = now.windows().get(KpiWindow.LAST_15_MINUTES);
        QueueFigures hour = now.windows().get(KpiWindow.LAST_60_MINUTES);
        double callsPerHour = recent == null ? 0 : recent.offered() * 4.0;
        Duration handle = hour == null ? DEFAULT_HANDLE_TIME : hour.averageHandleTime().orElse(DEFAULT_HANDLE_TIME);
        OptionalDouble serviceLevel = hour == null ? OptionalDouble.empty() : hour.serviceLevel();
        return new InboundLoad(queue, now.waiting(), now.longestWait(), callsPerHour, handle, now.target(),
                now.threshold(), inboundOnly, serviceLevel, inboundOnlyFree);
    }
}
