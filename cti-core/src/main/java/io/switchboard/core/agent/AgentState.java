package io.switchboard.core.agent;

/**
 * Where an agent is in the routing lifecycle. Only {@link #AVAILABLE} agents
 * are offered new tasks.
 *
 * <pre>
 * LOGGED_OUT -> AVAILABLE | PAUSED
 * AVAILABLE  -> RESERVED | ON_CALL | PAUSED | LOGGED_OUT
 * RESERVED   -> ON_CALL | AVAILABLE | PAUSED | LOGGED_OUT
 * ON_CALL    -> WRAP_UP | AVAILABLE | PAUSED | LOGGED_OUT
 * WRAP_UP    -> AVAILABLE | PAUSED | LOGGED_OUT        (never straight to RESERVED)
 * PAUSED     -> AVAILABLE | PAUSED (new reason) | LOGGED_OUT
 * </pre>
 */
public enum AgentState {

    /** The agent has not logged in, logged out, or was logged out (end of shift, device gone). */
    LOGGED_OUT,

    /** The agent is logged in, idle and may be offered a task right now. */
    AVAILABLE,

    /**
     * A task has been offered to the agent (a reservation is pending) and their
     * device is being rung or the call is being joined; no other task is offered.
     */
    RESERVED,

    /**
     * The agent is talking: a reserved call was answered, a dialer call was
     * joined, or the agent placed a call themselves while available.
     */
    ON_CALL,

    /**
     * The call ended and the agent is finishing after-call work (disposition,
     * notes) for the queue's wrap-up time; they must become available again
     * before another task can be reserved.
     */
    WRAP_UP,

    /**
     * The agent is logged in but takes no tasks: they asked for a pause (with a
     * reason such as {@code lunch}) or were auto-paused, e.g. after not answering.
     */
    PAUSED;

    /** Whether the agent may be offered a new task in this state. */
    public boolean isRoutable() {
        return this == AVAILABLE;
    }

    /** Whether the agent counts as logged in (every state but {@link #LOGGED_OUT}). */
    public boolean isLoggedIn() {
        return this != LOGGED_OUT;
    }

    /** Whether the lifecycle allows moving from this state to {@code next}. */
    public boolean canMoveTo(AgentState next) {
        return switch (this) {
            case LOGGED_OUT -> next == AVAILABLE || next == PAUSED;
            case AVAILABLE -> next == RESERVED || next == ON_CALL || next == PAUSED || next == LOGGED_OUT;
            case RESERVED -> next == ON_CALL || next == AVAILABLE || next == PAUSED || next == LOGGED_OUT;
            case ON_CALL -> next == WRAP_UP || next == AVAILABLE || next == PAUSED || next == LOGGED_OUT;
            case WRAP_UP -> next == AVAILABLE || next == PAUSED || next == LOGGED_OUT;
            case PAUSED -> next == AVAILABLE || next == PAUSED || next == LOGGED_OUT;
        };
    }
}
