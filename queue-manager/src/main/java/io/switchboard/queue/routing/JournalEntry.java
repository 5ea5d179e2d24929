package io.switchboard.queue.routing;

import io.switchboard.core.agent.ReasonCode;
import io.switchboard.core.call.HangupCause;
import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.call.Did;
import io.switchboard.core.event.TransferTarget;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;
import io.switchboard.core.id.PbxId;
import io.switchboard.core.id.QueueId;
import io.switchboard.queue.selection.ExitReason;
import io.switchboard.queue.selection.QueueExit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One step the router recorded: of an inbound call ({@link CallStep}) or of an agent's membership of their
 * queues ({@link MemberStep}). Each record maps to Asterisk {@code queue_log} events, so reporting tools built
 * for app_queue read Switchboard's decisions unchanged (see {@code docs/queue-log.md}).
 */
public sealed interface JournalEntry permits JournalEntry.CallStep, JournalEntry.MemberStep {

    /** When it happened. */
    Instant at();

    /** A step of one inbound call in one queue. */
    sealed interface CallStep extends JournalEntry permits Entered, AgentRung, AgentMissed, Connected, Completed,
            Transferred, Requeued, Abandoned, RingCanceled, Exited, Overflowed, Refused, CallbackStep {

        /** The call the entry is about. */
        CallId call();

        /** The queue the call waits or waited in. */
        QueueId queue();
    }

    /**
     * A change of an agent's membership of every queue they serve: an agent's status is one for all their
     * queues, as a dynamic app_queue member paused or added in every queue at once.
     */
    sealed interface MemberStep extends JournalEntry permits MemberAdded, MemberRemoved, Paused, Unpaused {

        /** The agent whose membership changed. */
        AgentId agent();

        /** The queues the agent is a member of, in the directory's order. */
        List<QueueId> queues();
    }

    /** The caller was put in the queue ({@code ENTERQUEUE}); {@code position} is 1 for the head. */
    record Entered(CallId call, QueueId queue, Instant at, PbxId pbx, LegId callerLeg,
                   Optional<PhoneNumber> caller, Did dialled, int position) implements CallStep {
    }

    /**
     * Switchboard asked the PBX to ring an agent's device for the call, or to join it to a nailed-up agent's
     * open line (a new agent leg; no queue_log event). {@code device} is the device rung, or for a join the
     * agent's session leg.
     */
    record AgentRung(CallId call, QueueId queue, Instant at, AgentId agent, LegId agentLeg, String device)
            implements CallStep {
    }

    /** The agent did not take the call ({@code RINGNOANSWER}): no answer, busy or unreachable. */
    record AgentMissed(CallId call, QueueId queue, Instant at, AgentId agent, LegId agentLeg, Duration rang,
                       HangupCause cause) implements CallStep {
    }

    /** The agent answered and talks to the caller ({@code CONNECT}). */
    record Connected(CallId call, QueueId queue, Instant at, AgentId agent, LegId agentLeg, Duration held,
                     Duration rang) implements CallStep {
    }

    /** The conversation ended ({@code COMPLETECALLER} or {@code COMPLETEAGENT}, by who hung up first). */
    record Completed(CallId call, QueueId queue, Instant at, AgentId agent, LegId callerLeg, LegId agentLeg,
                     boolean callerHungUp, Duration held, Duration talked, int originalPosition)
            implements CallStep {
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
                       int originalPosition) implements CallStep {
    }

    /**
     * The caller waits again after a conversation ended without them ({@code ENTERQUEUE} once more): a
     * nailed-up agent's line ended mid-call and the glue put the caller back on hold. Follows the
     * {@link Completed} of that conversation; the call and the caller's leg go on.
     */
    record Requeued(CallId call, QueueId queue, Instant at, LegId callerLeg, Optional<PhoneNumber> caller,
                    int position) implements CallStep {
    }

    /** The caller hung up while waiting ({@code ABANDON}). */
    record Abandoned(CallId call, QueueId queue, Instant at, LegId callerLeg, int position, int originalPosition,
                     Duration waited) implements CallStep {
    }

    /**
     * A queue rule sent the waiting caller out of the queue: {@link ExitReason#TIMEOUT} ({@code EXITWITHTIMEOUT})
     * or {@link ExitReason#LEAVEEMPTY} ({@code EXITEMPTY}), both with position, original position and wait.
     * {@code exit} says where they went: an {@link QueueExit.Overflow} is followed by the {@link Overflowed} of
     * the same call into the other queue; otherwise the call ends for Switchboard.
     */
    record Exited(CallId call, QueueId queue, Instant at, LegId callerLeg, ExitReason reason, QueueExit exit,
                  int position, int originalPosition, Duration waited) implements CallStep {
    }

    /**
     * The caller, sent out of {@code from} by a rule, waits now in {@code queue} as a new entry there
     * ({@code ENTERQUEUE} in that queue, {@code position} 1 for the head).
     */
    record Overflowed(CallId call, QueueId queue, Instant at, QueueId from, LegId callerLeg,
                      Optional<PhoneNumber> caller, int position) implements CallStep {
    }

    /**
     * The caller was turned away on arrival ({@link ExitReason#FULL} or {@link ExitReason#JOINEMPTY}) and went to
     * {@code exit}. app_queue writes no queue_log row for a caller who could not join, so neither does this; the
     * call record keeps it, with the reason.
     */
    record Refused(CallId call, QueueId queue, Instant at, PbxId pbx, LegId callerLeg, Optional<PhoneNumber> caller,
                   Did dialled, ExitReason reason, QueueExit exit) implements CallStep {
    }

    /**
     * The agent's leg, one of several ringing for the call (ring-all, ring-progressively), was stopped because
     * another agent answered or the caller hung up ({@code RINGCANCELED}); not a miss.
     */
    record RingCanceled(CallId call, QueueId queue, Instant at, AgentId agent, LegId agentLeg, Duration rang)
            implements CallStep {
    }

    /** The agent logged in: they joined their queues ({@code ADDMEMBER}), already paused when {@code paused}. */
    record MemberAdded(Instant at, AgentId agent, List<QueueId> queues, boolean paused) implements MemberStep {
        public MemberAdded {
            queues = List.copyOf(queues);
        }
    }

    /** The agent logged out: they left their queues ({@code REMOVEMEMBER}). */
    record MemberRemoved(Instant at, AgentId agent, List<QueueId> queues) implements MemberStep {
        public MemberRemoved {
            queues = List.copyOf(queues);
        }
    }

    /**
     * The agent paused in all their queues ({@code PAUSEALL}, then {@code PAUSE} per queue), by hand or
     * automatically after a missed offer ({@link ReasonCode#NO_ANSWER}); {@code reason} is empty when none was
     * given.
     */
    record Paused(Instant at, AgentId agent, List<QueueId> queues, Optional<ReasonCode> reason)
            implements MemberStep {
        public Paused {
            queues = List.copyOf(queues);
        }
    }

    /** The agent ended a pause in all their queues ({@code UNPAUSEALL}, then {@code UNPAUSE} per queue). */
    record Unpaused(Instant at, AgentId agent, List<QueueId> queues) implements MemberStep {
        public Unpaused {
            queues = List.copyOf(queues);
        }
    }
}
