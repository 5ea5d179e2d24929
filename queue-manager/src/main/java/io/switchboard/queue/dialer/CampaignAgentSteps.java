package io.switchboard.queue.dialer;

import io.switchboard.core.id.AgentId;

import java.time.Duration;

/**
 * The state steps of an agent who took a campaign call, made through the routing engine's one queue of moves per
 * agent so a campaign and the ACD never step on each other: on the call, then wrap-up and available again (the
 * routing engine's wrap-up, as after an {@code OutboundCalls} call). Called on the routing context.
 */
public interface CampaignAgentSteps {

    /** The customer was joined to the agent: the agent is on the call. */
    void onCall(AgentId agent);

    /** The agent's connected call ended: wrap-up, then available (the waiting callers and campaigns are told). */
    void wrapUp(AgentId agent);

    /** How long the wrap-up after a campaign call lasts. */
    Duration wrapUpTime();
}
