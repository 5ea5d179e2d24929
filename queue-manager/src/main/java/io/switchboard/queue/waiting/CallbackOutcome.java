package io.switchboard.queue.waiting;

/** How a queued callback ended, as its call record says. */
public enum CallbackOutcome {
    /** The customer answered and was connected to the agent reserved for them. */
    CONNECTED,
    /** Every attempt rang out unanswered (or the far end never responded). */
    NO_ANSWER,
    /** The last attempt found the customer busy. */
    BUSY,
    /** The number cannot be reached (unallocated, rejected, the trunk down on the last attempt). */
    FAILED,
    /** The callback was taken back before it was placed (the queue was removed, an operator cancelled it). */
    CANCELED
}
