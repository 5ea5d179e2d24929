package io.switchboard.queue.dialer;

import io.switchboard.core.Require;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.PbxId;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The agents who work a campaign, as the dialer needs them: who is free now, who will be soon, on which PBX
 * their lines are, and the reservation of one agent before a progressive call. Implemented over the routing
 * engine's agent lines and state store, so a campaign and the inbound queues compete for agents through the
 * same compare-and-set.
 */
public interface CampaignFloor {

    /**
     * The campaign queue's agents with an open (nailed-up) line.
     *
     * @param ready    agents available now, line open, device not busy; longest idle first
     * @param talking  for each agent on a call, how long it has lasted
     * @param wrapping for each agent in wrap-up, how long it has lasted
     * @param pbx      the PBX most of the ready agents' lines are on (where the campaign's calls go); empty when
     *                 no agent has a line
     */
    record Agents(List<AgentId> ready, List<Duration> talking, List<Duration> wrapping, Optional<PbxId> pbx) {
        public Agents {
            ready = List.copyOf(Require.nonNull(ready, "ready"));
            talking = List.copyOf(Require.nonNull(talking, "talking"));
            wrapping = List.copyOf(Require.nonNull(wrapping, "wrapping"));
            Require.nonNull(pbx, "pbx");
        }
    }

    /** Looks at the agents of the campaign's queue at {@code now}. */
    CompletionStage<Agents> look(CampaignSettings campaign, Instant now);

    /** Reserves {@code agent} for a progressive call: true when the agent was still available and is now reserved. */
    CompletionStage<Boolean> reserve(AgentId agent);

    /** Makes a reserved agent available again when their call was not placed after all. */
    void release(AgentId agent);
}
