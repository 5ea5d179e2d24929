package io.switchboard.queue.dialer;

import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.CampaignId;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Places a campaign's calls and follows each to its end (implementation: {@code CampaignCalls}). A call placed
 * without an agent (power, predictive) is given at its live answer to a free nailed-up agent of the campaign's
 * queue within the connect wait (2 s), else the glue plays the safe-harbour message and the call is abandoned.
 * A call placed for an agent (progressive, preview) was reserved for that agent before it was dialled. Every
 * call's end is told to the {@link CampaignCallEnded} listener the implementation was built with. Runs on the
 * routing context.
 */
public interface CampaignCallPlacer {

    /** What {@link #place} did. */
    sealed interface Placement permits Placement.Placed, Placement.Refused {

        /** The PBX accepted the call. */
        record Placed(CallId call) implements Placement {
        }

        /** Nothing was dialled; {@code errorId} e.g. {@code pbx-not-attached}, {@code pbx-refused}. */
        record Refused(String errorId, String message) implements Placement {
        }
    }

    /**
     * Calls the lead for the campaign.
     *
     * @param call     the id the call gets (the one the gate's audit row recorded)
     * @param callerId the number to present; empty for the trunk's default
     * @param agent    the agent already reserved for this call (progressive, preview); empty to pick one at answer
     */
    CompletionStage<Placement> place(CampaignSettings campaign, DueLead lead, CallId call,
                                     Optional<PhoneNumber> callerId, Optional<AgentId> agent);

    /** For each of the campaign's calls placed and not yet answered, how long it has rung so far. */
    List<Duration> ringing(CampaignId campaign, Instant now);

    /** The campaign's live answers waiting for an agent now (each for at most the connect wait). */
    int waitingForAgent(CampaignId campaign);

    /**
     * Calls the lead for an agentless campaign (its {@link CampaignSettings#broadcast()} present): no agent is
     * reserved or sought; a live answer hears the broadcast and the opt-out prompt, a machine gets the campaign's
     * machine action ({@code HANGUP} or {@code MESSAGE}), and the end is told as {@code BROADCAST},
     * {@code OPTED_OUT}, {@code MACHINE}, {@code MACHINE_MESSAGE} or an unanswered result. An implementation that
     * cannot play broadcasts refuses ({@code broadcast-not-supported}), which is the default.
     *
     * @param call     the id the call gets (the one the gate's audit row recorded)
     * @param callerId the number to present; empty for the trunk's default
     */
    default CompletionStage<Placement> broadcast(CampaignSettings campaign, DueLead lead, CallId call,
                                                 Optional<PhoneNumber> callerId) {
        return java.util.concurrent.CompletableFuture.completedFuture(new Placement.Refused("broadcast-not-supported",
                "this placer cannot play an agentless campaign's broadcast"));
    }

    /**
     * The campaign's calls placed and not yet ended, whatever they are doing (ringing, waiting for an agent,
     * talking, hearing a broadcast): what an agentless campaign's lines hold. By default the ringing and waiting
     * ones, which is all a campaign with agents has in flight.
     */
    default int inProgress(CampaignId campaign, Instant now) {
        return ringing(campaign, now).size() + waitingForAgent(campaign);
    }
}
