package io.switchboard.queue.routing;

import io.switchboard.core.call.HangupCause;
import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.call.Did;
import io.switchboard.core.event.TransferTarget;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;
import io.switchboard.core.id.PbxId;
import io.switchboard.core.id.QueueId;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One step of an inbound call as the router saw it. Each constant maps to an Asterisk {@code queue_log}
 * event, so reporting tools built for app_queue read Switchboard's decisions unchanged.
 */
public sealed interface JournalEntry permits JournalEntry.Entered, JournalEntry.AgentRung,
        JournalEntry.AgentMissed, JournalEntry.Connected, JournalEntry.Completed, JournalEntry.Transferred,
        JournalEntry.Requeued, JournalEntry.Abandoned {

    /** The call the entry is about. */
    CallId call();

    /** The queue the call waits or waited in. */
    QueueId queue();

    /** When it happened. */
    Instant at();

    /** The caller was put in the queue ({@code ENTERQUEUE}); {@code position} is 1 for the head. */
    record Entered(CallId call, QueueId queue, Instant at, PbxId pbx, LegId callerLeg,
                   Optional<PhoneNumber> caller, Did dialled, int position) implements JournalEntry {
    }

    /**
     * Switchboard asked the PBX to ring an agent's device for the call, or to join it to a nailed-up agent's
     * open line (a new agent leg; no queue_log event). {@code device} is the device rung, or for a join the
     * agent's session leg.
     */
    record AgentRung(CallId call, QueueId queue, Instant at, AgentId agent, LegId agentLeg, String device)
            implements JournalEntry {
    }

    /** The agent did not take the call ({@code RINGNOANSWER}): no answer, busy or unreachable. */
    record AgentMissed(CallId call, QueueId queue, Instant at, AgentId agent, LegId agentLeg, Duration rang,
                       HangupCause cause) implements JournalEntry {
    }

    /** The agent answered and talks to the caller ({@code CONNECT}). */
    record Connected(CallId call, QueueId queue, Instant at, AgentId agent, LegId agentLeg, Duration held,
                     Duration rang) implements JournalEntry {
    }

    /** The conversation ended ({@code COMPLETECALLER} or {@code COMPLETEAGENT}, by who hung up first). */
    record Completed(CallId call, QueueId queue, Instant at, AgentId agent, LegId callerLeg, LegId agentLeg,
                     boolean callerHungUp, Duration held, Duration talked, int originalPosition)
            implements JournalEntry {
    }

    /**
     * The caller was blind-transferred to {@code target} ({@code BLINDTRANSFER}), which ends the call for the
     * queue: the caller's leg goes on outside Switchboard. {@code agent} and {@code agentLeg} name the agent
     * who talked to the caller, empty for a caller transferred while still waiting; {@code talked} runs to the
     * agent's hang-up when the agent's leg ended first (a transfer pulls the caller out of the agent's bridge).
     * {@code target} is masked in {@code toString()}.
     */
    record Transferred(CallId call, QueueId queue, Instant at, Optional<AgentId> agent, LegId callerLeg,
                       Optional<LegId> agentLeg, TransferTarget target, Duration held, Duration talked,
                       int originalPosition) implements JournalEntry {
    }

    /**
     * The caller waits again after a conversation ended without them ({@code ENTERQUEUE} once more): a
     * nailed-up agent's line ended mid-call and the glue put the caller back on hold. Follows the
     * {@link Completed} of that conversation; the call and the caller's leg go on.
     */
    record Requeued(CallId call, QueueId queue, Instant at, LegId callerLeg, Optional<PhoneNumber> caller,
                    int position) implements JournalEntry {
    }

    /** The caller hung up while waiting ({@code ABANDON}). */
    record Abandoned(CallId call, QueueId queue, Instant at, LegId callerLeg, int position, int originalPosition,
                     Duration waited) implements JournalEntry {
    }
}
