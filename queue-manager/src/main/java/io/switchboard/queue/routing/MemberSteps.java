package io.switchboard.queue.routing;

import io.switchboard.core.agent.Agent;
import io.switchboard.core.agent.AgentState;
import io.switchboard.core.agent.AgentStatus;
import io.switchboard.core.agent.QueueMembership;
import io.switchboard.core.id.QueueId;

import java.util.List;
import java.util.Optional;

/**
 * Which membership step, if any, a change of an agent's stored status is: a login adds the agent to their
 * queues, a logout removes them, a move into or out of {@code PAUSED} pauses or unpauses them. Moves between
 * the working states (available, reserved, on call, wrap-up) are no membership step; a new reason for a
 * paused agent is a pause again, as app_queue logs a {@code PAUSE} each time a member is paused.
 */
final class MemberSteps {

    private MemberSteps() {
    }

    /** Whether the move from {@code before} to {@code after} is a membership step. */
    static boolean isStep(AgentStatus before, AgentStatus after) {
        AgentState was = before.state();
        AgentState now = after.state();
        return was != now && (was == AgentState.LOGGED_OUT || now == AgentState.LOGGED_OUT
                || was == AgentState.PAUSED || now == AgentState.PAUSED)
                || was == AgentState.PAUSED && now == AgentState.PAUSED && !before.reason().equals(after.reason());
    }

    /** The step from {@code before} to {@code after} for {@code agent}, at {@code after}'s time. */
    static Optional<JournalEntry.MemberStep> between(Agent agent, AgentStatus before, AgentStatus after) {
        if (!isStep(before, after)) {
            return Optional.empty();
        }
        AgentState was = before.state();
        AgentState now = after.state();
        List<QueueId> queues = agent.memberships().stream().map(QueueMembership::queue).toList();
        if (was == AgentState.LOGGED_OUT) {
            return Optional.of(new JournalEntry.MemberAdded(after.since(), agent.id(), queues,
                    now == AgentState.PAUSED));
        }
        if (now == AgentState.LOGGED_OUT) {
            return Optional.of(new JournalEntry.MemberRemoved(after.since(), agent.id(), queues));
        }
        if (now == AgentState.PAUSED) {
            return Optional.of(new JournalEntry.Paused(after.since(), agent.id(), queues, after.reason()));
        }
        return Optional.of(new JournalEntry.Unpaused(after.since(), agent.id(), queues));
    }
}
