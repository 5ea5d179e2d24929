package io.switchboard.queue.selection;

import io.switchboard.core.Require;
import io.switchboard.core.agent.Agent;
import io.switchboard.core.agent.AgentState;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.PbxId;
import io.switchboard.core.id.QueueId;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One agent as selection sees them at one moment: who they are, their routing state, the statistics the
 * strategies rank by, and whether they can be reached at all.
 *
 * @param agent         who the agent is, their skills and memberships
 * @param state         their routing state; only {@link AgentState#AVAILABLE} agents are offered tasks
 * @param idleSince     when they last became free after a task of any queue (or logged in)
 * @param lastTaskEnd   when they last finished a task of each queue; a queue missing means never today
 * @param callsToday    how many tasks of each queue they took today; a queue missing means none
 * @param talkTimeToday their talk time today over all queues
 * @param deviceInUse   whether the PBX reports their device busy with a call Switchboard did not place
 * @param lineOpen      whether they have an open (nailed-up) line, so no device needs ringing
 * @param pbx           the PBX their device is on, when known; a queue's {@link AgentScope} and the trunks
 *                      ({@link PbxReach}) decide whether a caller on another PBX may be offered to them
 */
public record AgentSnapshot(
        Agent agent,
        AgentState state,
        Instant idleSince,
        Map<QueueId, Instant> lastTaskEnd,
        Map<QueueId, Integer> callsToday,
        Duration talkTimeToday,
        boolean deviceInUse,
        boolean lineOpen,
        Optional<PbxId> pbx) {

    public AgentSnapshot {
        Require.nonNull(agent, "agent");
        Require.nonNull(state, "state");
        Require.nonNull(idleSince, "idleSince");
        lastTaskEnd = Map.copyOf(Require.nonNull(lastTaskEnd, "lastTaskEnd"));
        callsToday = Map.copyOf(Require.nonNull(callsToday, "callsToday"));
        Require.nonNegative(talkTimeToday, "talkTimeToday");
        Require.nonNull(pbx, "pbx");
    }

    /** An agent whose PBX is not known: offered to callers on any PBX that rings their device. */
    public AgentSnapshot(Agent agent, AgentState state, Instant idleSince, Map<QueueId, Instant> lastTaskEnd,
                         Map<QueueId, Integer> callsToday, Duration talkTimeToday, boolean deviceInUse,
                         boolean lineOpen) {
        this(agent, state, idleSince, lastTaskEnd, callsToday, talkTimeToday, deviceInUse, lineOpen,
                Optional.empty());
    }

    /** The agent's id. */
    public AgentId id() {
        return agent.id();
    }

    /**
     * Whether the agent may be offered a task now: available, reachable (an open line or a device to ring)
     * and not busy on their device with a call of their own.
     */
    public boolean isOfferable() {
        return state.isRoutable() && (lineOpen || agent.device().isPresent()) && !deviceInUse;
    }

    /** When the agent last finished a task of {@code queue}, empty when not today. */
    public Optional<Instant> lastTaskEndIn(QueueId queue) {
        return Optional.ofNullable(lastTaskEnd.get(queue));
    }

    /** How many tasks of {@code queue} the agent took today. */
    public int callsTodayIn(QueueId queue) {
        return callsToday.getOrDefault(queue, 0);
    }
}
