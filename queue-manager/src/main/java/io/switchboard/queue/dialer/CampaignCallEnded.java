package io.switchboard.queue.dialer;

import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.CampaignId;
import io.switchboard.core.id.LeadId;

import java.time.Instant;
import java.util.Optional;

/** Told when a campaign call ends, once per call, on the routing context. */
@FunctionalInterface
public interface CampaignCallEnded {

    /**
     * @param agent the agent who talked to the customer, for {@code CONNECTED}
     */
    void ended(CampaignId campaign, LeadId lead, CallId call, DialResult result, Optional<AgentId> agent, Instant at);
}
