package io.switchboard.core.agent;

import io.switchboard.core.Require;
import io.switchboard.core.lifecycle.Transition;

import java.time.Instant;
import java.util.Optional;

/**
 * An agent's routing state at one moment, as the state store keeps it.
 *
 * @param state   the lifecycle state
 * @param reason  why the agent is in it, e.g. a pause reason; empty when there is none
 * @param since   when the agent entered the state
 * @param version increases by one with every transition; the state store
 *                compares it so that two nodes cannot both move the same agent
 */
public record AgentStatus(AgentState state, Optional<ReasonCode> reason, Instant since, long version) {

    public AgentStatus {
        Require.nonNull(state, "state");
        Require.nonNull(reason, "reason");
        Require.nonNull(since, "since");
        Require.atLeast(version, 0L, "version");
    }

    /** The status of an agent the store has never seen: logged out, version 0. */
    public static AgentStatus initial(Instant at) {
        return new AgentStatus(AgentState.LOGGED_OUT, Optional.empty(), at, 0L);
    }

    /** Moves to {@code next} without a reason. */
    public Transition<AgentStatus> moveTo(AgentState next, Instant at) {
        return moveTo(next, Optional.empty(), at);
    }

    /** Moves to {@code next} with a reason, e.g. {@code PAUSED} because of {@link ReasonCode#NO_ANSWER}. */
    public Transition<AgentStatus> moveTo(AgentState next, ReasonCode why, Instant at) {
        return moveTo(next, Optional.of(Require.nonNull(why, "reason")), at);
    }

    /**
     * Moves to {@code next}, or returns {@link Transition.Illegal} when
     * {@link AgentState#canMoveTo} forbids it. The new status has
     * {@code version + 1} and {@code since = at}.
     */
    public Transition<AgentStatus> moveTo(AgentState next, Optional<ReasonCode> why, Instant at) {
        Require.nonNull(next, "state");
        Require.nonNull(why, "reason");
        Require.nonNull(at, "at");
        if (!state.canMoveTo(next)) {
            return new Transition.Illegal<>("AgentState", state, next);
        }
        return new Transition.Moved<>(new AgentStatus(next, why, at, version + 1));
    }

    /** Whether the agent may be offered a new task. */
    public boolean isRoutable() {
        return state.isRoutable();
    }
}
