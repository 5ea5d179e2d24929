package io.switchboard.core.port;

import io.switchboard.core.Require;
import io.switchboard.core.agent.AgentStatus;

import java.util.Optional;

/** The outcome of {@link AgentStateStore#compareAndSet}. */
public sealed interface StatusUpdate permits StatusUpdate.Stored, StatusUpdate.Conflict {

    /** The new status was stored. */
    record Stored(AgentStatus status) implements StatusUpdate {
        public Stored {
            Require.nonNull(status, "status");
        }
    }

    /**
     * Someone else moved the agent first: the stored version was not the
     * expected one. Re-read, re-decide, retry.
     *
     * @param current the status now stored; empty when the agent has none
     */
    record Conflict(Optional<AgentStatus> current) implements StatusUpdate {
        public Conflict {
            Require.nonNull(current, "current");
        }
    }
}
