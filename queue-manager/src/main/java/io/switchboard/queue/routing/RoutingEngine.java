package io.switchboard.queue.routing;

import io.switchboard.core.agent.AgentStatus;
import io.switchboard.core.event.PbxEvent;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.PbxId;
import io.switchboard.core.port.AgentDirectory;
import io.switchboard.core.port.AgentStateStore;
import io.switchboard.core.port.PbxEventListener;
import io.switchboard.queue.dialer.CampaignCallEnded;
import io.switchboard.queue.dialer.CampaignCalls;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The routing decisions of one node, sharing one routing context: agents' presence from the PBX
 * ({@link AgentPresence}), inbound calls ({@link InboundRouter}) and outbound calls for nailed-up agents
 * ({@link OutboundCalls}). They share the agents' open lines and one queue of state moves per agent, so a
 * release by one is seen by the others. Every method must be called on the routing context.
 */
public final class RoutingEngine implements PbxEventListener {

    private final AgentLines lines = new AgentLines();
    private final InboundRouter inbound;
    private final OutboundCalls outbound;
    private final AgentPresence presence;
    private final CampaignAgents campaignAgents;
    private final List<Consumer<AgentId>> freed = new ArrayList<>();
    private final CampaignCalls campaignCalls;
    private final List<CampaignCallEnded> campaignCallEnds = new ArrayList<>();

    /**
     * @param newCallIds gives the id of a new outbound call on a PBX (for Asterisk {@code <pbx>/<uniqueid>})
     */
    public RoutingEngine(AgentDirectory agents, TaskQueues queues, AgentStateStore states, CallControls controls,
                         RoutingJournal journal, OutboundJournal outboundJournal, RoutingTimers timers,
                         OutboundPolicy policy, Function<PbxId, CallId> newCallIds, InstantSource clock,
                         Executor context) {
        this(agents, queues, states, controls, journal, outboundJournal, timers, policy, newCallIds, clock, context,
                InboundRules.DEFAULTS);
    }

    /**
     * @param newCallIds gives the id of a new outbound call on a PBX (for Asterisk {@code <pbx>/<uniqueid>})
     * @param rules      the server's inbound rules (auto-pause after misses, the statistics' day)
     */
    public RoutingEngine(AgentDirectory agents, TaskQueues queues, AgentStateStore states, CallControls controls,
                         RoutingJournal journal, OutboundJournal outboundJournal, RoutingTimers timers,
                         OutboundPolicy policy, Function<PbxId, CallId> newCallIds, InstantSource clock,
                         Executor context, InboundRules rules) {
        this(agents, queues, states, controls, journal, outboundJournal, timers, policy, newCallIds, clock, context,
                rules, LastAgents.NONE);
    }

    /**
     * @param newCallIds gives the id of a new outbound call on a PBX (for Asterisk {@code <pbx>/<uniqueid>})
     * @param rules      the server's inbound rules (auto-pause after misses, the statistics' day)
     * @param lastAgents who last spoke to each caller, for queues that prefer the caller's last agent
     */
    public RoutingEngine(AgentDirectory agents, TaskQueues queues, AgentStateStore states, CallControls controls,
                         RoutingJournal journal, OutboundJournal outboundJournal, RoutingTimers timers,
                         OutboundPolicy policy, Function<PbxId, CallId> newCallIds, InstantSource clock,
                         Executor context, InboundRules rules, LastAgents lastAgents) {
        AgentMoves moves = new AgentMoves(states, clock, context);
        this.inbound = new InboundRouter(agents, queues, states, controls, journal, timers, clock, context, moves,
                lines, rules, lastAgents);
        inbound.callbackIds(newCallIds);
        Consumer<AgentId> wake = agent -> {
            inbound.agentStateChanged(agent);
            campaignCalls().agentFreed(agent);
            freed.forEach(listener -> listener.accept(agent));
        };
        this.outbound = new OutboundCalls(lines, states, controls, new OutboundLastAgents(outboundJournal, lastAgents),
                timers, policy, newCallIds, clock, context, moves, wake);
        this.presence = new AgentPresence(agents, lines, moves, context, wake);
        this.campaignAgents = new CampaignAgents(agents, states, lines, moves, clock, context, wake);
        this.campaignCalls = new CampaignCalls(lines, controls, campaignAgents,
                new CampaignSteps(moves, timers, policy, wake), outboundJournal,
                (campaign, lead, call, result, agent, at) -> campaignCallEnds.forEach(
                        listener -> listener.ended(campaign, lead, call, result, agent, at)), clock, context);
    }

    @Override
    public void onEvent(PbxEvent event) {
        presence.onEvent(event);
        inbound.onEvent(event);
        outbound.onEvent(event);
        campaignCalls.onEvent(event);
    }

    /** Inbound routing: tasks, misses, and the wake-up after an agent's state changed elsewhere. */
    public InboundRouter inbound() {
        return inbound;
    }

    /** The trunks between the attached PBXs, for queues that offer callers to agents on other PBXs. */
    public void pbxReach(io.switchboard.queue.selection.PbxReach reach) {
        inbound.pbxReach(reach);
    }

    /** Outbound calls for nailed-up agents. */
    public OutboundCalls outbound() {
        return outbound;
    }

    /** The campaigns' agents: the nailed-up members of a campaign's queue, reserved like the ACD reserves. */
    public CampaignAgents campaignFloor() {
        return campaignAgents;
    }

    /** Campaign calls: placed for a campaign, given an agent at the live answer when none was reserved. */
    public CampaignCalls campaignCalls() {
        return campaignCalls;
    }

    /** Tells {@code listener} of every campaign call's end, once per call, on the routing context. */
    public void onCampaignCallEnded(CampaignCallEnded listener) {
        campaignCallEnds.add(listener);
    }

    /** The agents' open lines (nailed-up sessions). */
    public AgentLines lines() {
        return lines;
    }

    /** An agent's state changed outside routing (e.g. the API): waiting tasks are tried again. */
    public void agentStateChanged(AgentId agent) {
        inbound.agentStateChanged(agent);
        campaignCalls.agentFreed(agent);
        freed.forEach(listener -> listener.accept(agent));
    }

    /**
     * Tells {@code listener} of every agent routing made free again (a release, the end of a wrap-up) and of every
     * state change made outside routing, after waiting inbound tasks were tried: the dialer paces at once.
     */
    public void onAgentFreed(Consumer<AgentId> listener) {
        freed.add(listener);
    }

    /**
     * The agent API stored {@code now} in place of {@code before}: the journal gets the login, logout, pause or
     * unpause, and waiting tasks are tried again.
     */
    public void agentStatusChanged(AgentId agent, AgentStatus before, AgentStatus now) {
        inbound.agentStatusChanged(agent, before, now);
    }
}
