package io.switchboard.queue.routing;

import io.switchboard.core.call.HangupCause;
import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;
import io.switchboard.core.id.QueueId;
import io.switchboard.queue.selection.ExitReason;
import io.switchboard.queue.waiting.CallbackOutcome;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A step of a queued callback ("press 1 to be called back and keep your place"), journaled under the id of the
 * call that asked for it, so that its call record and queue_log rows tell the whole story: the key, each
 * attempt to call the customer, and the answer or the end. See {@code docs/queue-log.md} for the rows.
 */
public sealed interface CallbackStep extends JournalEntry.CallStep
        permits CallbackStep.Requested, CallbackStep.Dialled, CallbackStep.Unanswered, CallbackStep.Answered {

    /**
     * The waiting caller pressed the queue's callback key ({@code digit}) and was told they will be called back;
     * their task keeps its place ({@code EXITWITHKEY}, then {@code CALLBACKREQUEST}). When {@code exit} is present
     * no key was pressed: a queue rule's exit ({@code QueueExit.CallBack}) called them back instead of letting them
     * go, and the first row is that rule's ({@code EXITWITHTIMEOUT} or {@code EXITEMPTY}); {@code digit} is then
     * the queue's key, unused. {@code number} is the number to call back, masked in {@code toString()}.
     */
    record Requested(CallId call, QueueId queue, Instant at, LegId callerLeg, char digit, PhoneNumber number,
                     int position, int originalPosition, Duration waited, Optional<ExitReason> exit)
            implements CallbackStep {

        /** A key pressed by the caller. */
        public Requested(CallId call, QueueId queue, Instant at, LegId callerLeg, char digit, PhoneNumber number,
                         int position, int originalPosition, Duration waited) {
            this(call, queue, at, callerLeg, digit, number, position, originalPosition, waited, Optional.empty());
        }
    }

    /**
     * The customer is being called back for {@code agent}, who is reserved meanwhile ({@code CALLBACKDIAL});
     * {@code attempt} is 1 for the first. {@code customerCall} and {@code customerLeg} are the new call's ids.
     */
    record Dialled(CallId call, QueueId queue, Instant at, AgentId agent, CallId customerCall, LegId customerLeg,
                   PhoneNumber number, int attempt) implements CallbackStep {
    }

    /**
     * The attempt was not answered ({@code CALLBACKNOANSWER}); the agent was released without a miss. When
     * {@code ended} is present there is no further attempt and the task ends with that outcome
     * ({@code CALLBACKEND}); otherwise the next attempt is placed at {@code retryAt}.
     */
    record Unanswered(CallId call, QueueId queue, Instant at, AgentId agent, LegId customerLeg, int attempt,
                      HangupCause cause, Duration rang, Optional<Instant> retryAt, Optional<CallbackOutcome> ended,
                      Duration waited) implements CallbackStep {
    }

    /**
     * The customer answered and waits on hold for {@code agent}, who is rung now ({@code CALLBACKANSWER}); the
     * rest of the call (ring, {@code CONNECT}, {@code COMPLETECALLER}...) is journaled as for any caller.
     */
    record Answered(CallId call, QueueId queue, Instant at, AgentId agent, LegId customerLeg, int attempt,
                    Duration rang) implements CallbackStep {
    }
}
