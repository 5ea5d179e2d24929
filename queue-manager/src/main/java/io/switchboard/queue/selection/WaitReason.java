package io.switchboard.queue.selection;

/** Why a selection offered nothing. */
public enum WaitReason {

    /** No agent of the task's current workflow step is offerable (available, reachable, not tried). */
    NO_AGENT_AVAILABLE,

    /** The task's preferred agent is not offerable yet and the preference has not lapsed. */
    PREFERRED_AGENT_BUSY,

    /** The agent who asked for work is not offerable (not available, unreachable or on their own call). */
    AGENT_NOT_AVAILABLE,

    /** No task the agent qualifies for waits in any of their queues. */
    NO_TASK_WAITING
}
