package io.switchboard.queue.routing;

import io.switchboard.core.call.AmdResult;
import io.switchboard.core.call.HangupCause;
import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.event.TransferTarget;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.CampaignId;
import io.switchboard.core.id.LeadId;
import io.switchboard.core.id.LegId;
import io.switchboard.core.id.PbxId;
import io.switchboard.core.id.TaskId;

import java.time.Instant;
import java.util.Optional;

/** One step of an outbound call Switchboard placed for an agent, as {@link OutboundCalls} saw it. */
public sealed interface OutboundEntry permits OutboundEntry.Dialled, OutboundEntry.Answered,
        OutboundEntry.Detected, OutboundEntry.Connected, OutboundEntry.Transferred, OutboundEntry.Ended,
        OutboundEntry.CampaignDialled, OutboundEntry.AgentAssigned, OutboundEntry.CampaignEnded {

    /** The call the entry is about. */
    CallId call();

    /** When it happened. */
    Instant at();

    /**
     * Switchboard asked the PBX to call the customer for {@code agent}, who waits on the open line
     * {@code sessionLeg}; {@code agentLeg} is the agent's leg in this call's record.
     */
    record Dialled(CallId call, Instant at, PbxId pbx, TaskId task, AgentId agent, LegId customerLeg,
                   PhoneNumber to, Optional<PhoneNumber> callerId, LegId agentLeg, LegId sessionLeg)
            implements OutboundEntry {
    }

    /** The customer's phone was answered (by a person or a machine). */
    record Answered(CallId call, Instant at, LegId customerLeg) implements OutboundEntry {
    }

    /** Answering-machine detection decided. */
    record Detected(CallId call, Instant at, AmdResult result) implements OutboundEntry {
    }

    /** The customer was joined to the agent's line and they talk. */
    record Connected(CallId call, Instant at, AgentId agent, LegId agentLeg) implements OutboundEntry {
    }

    /**
     * The customer was blind-transferred to {@code target} (masked in {@code toString()}); an {@link Ended}
     * with outcome {@code transferred} follows at once.
     */
    record Transferred(CallId call, Instant at, TransferTarget target) implements OutboundEntry {
    }

    /** The call is over; {@code cause} is the PBX's when it gave one. */
    record Ended(CallId call, Instant at, OutboundOutcome outcome, Optional<HangupCause> cause)
            implements OutboundEntry {
    }

    /**
     * Switchboard asked the PBX to call a campaign's lead ({@code calls.campaign_id}, {@code lead_id}); the agent,
     * when there is one, follows as {@link AgentAssigned}.
     */
    record CampaignDialled(CallId call, Instant at, PbxId pbx, TaskId task, CampaignId campaign, LeadId lead,
                           LegId customerLeg, PhoneNumber to, Optional<PhoneNumber> callerId)
            implements OutboundEntry {
    }

    /**
     * A campaign call was given to {@code agent} (reserved before the dial, or chosen at the live answer), who waits
     * on the open line {@code sessionLeg}; {@code agentLeg} is the agent's leg in the call's record.
     */
    record AgentAssigned(CallId call, Instant at, AgentId agent, LegId agentLeg, LegId sessionLeg)
            implements OutboundEntry {
    }

    /**
     * How a campaign call ended for the dialer ({@code campaign_call_results}: the abandon rate's figures);
     * {@code result} is a {@code DialResult} slug. Follows the call's {@link Ended}.
     */
    record CampaignEnded(CallId call, Instant at, CampaignId campaign, LeadId lead, String result)
            implements OutboundEntry {
    }
}
