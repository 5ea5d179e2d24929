package io.switchboard.queue.routing;

import io.switchboard.core.agent.AgentState;
import io.switchboard.core.id.AgentId;
import io.switchboard.queue.dialer.CampaignAgentSteps;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * The routing engine's {@link CampaignAgentSteps}: the same moves and wrap-up as after an {@link OutboundCalls}
 * call ({@link OutboundPolicy#wrapUp()}), through the one queue of state moves per agent, so the ACD sees them
 * at once. Called on the routing context.
 */
final class CampaignSteps implements CampaignAgentSteps {

    private final AgentMoves moves;
    private final RoutingTimers timers;
    private final OutboundPolicy policy;
    private final Consumer<AgentId> released;

    CampaignSteps(AgentMoves moves, RoutingTimers timers, OutboundPolicy policy, Consumer<AgentId> released) {
        this.moves = moves;
        this.timers = timers;
        this.policy = policy;
        this.released = released;
    }

    @Override
    public void onCall(AgentId agent) {
        moves.move(agent, AgentState.ON_CALL, () -> { });
    }

    @Override
    public void wrapUp(AgentId agent) {
        moves.move(agent, AgentState.WRAP_UP, () -> timers.schedule(policy.wrapUp(),
                () -> moves.move(agent, AgentState.AVAILABLE, () -> released.accept(agent))));
    }

    @Override
    public Duration wrapUpTime() {
        return policy.wrapUp();
    }
}
