package io.switchboard.esl.control;

import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** {@link CallLegs} from maps, recording the agent-leg announcements. */
final class FakeCallLegs implements CallLegs {

    private final Map<AgentId, LegId> sessions = new ConcurrentHashMap<>();
    private final Map<CallId, LegId> agentLegs = new ConcurrentHashMap<>();
    private final Map<LegId, String> channels = new ConcurrentHashMap<>();
    final List<String> announcements = new CopyOnWriteArrayList<>();

    FakeCallLegs session(String agent, String leg) {
        sessions.put(AgentId.of(agent), LegId.of(leg));
        return this;
    }

    FakeCallLegs agentLeg(String call, String leg) {
        agentLegs.put(CallId.of(call), LegId.of(leg));
        return this;
    }

    /** The leg Switchboard named {@code leg} is carried by the channel {@code uuid}. */
    FakeCallLegs channel(String leg, String uuid) {
        channels.put(LegId.of(leg), uuid);
        return this;
    }

    @Override
    public Optional<String> uuidOf(LegId leg) {
        return Optional.ofNullable(channels.get(leg));
    }

    @Override
    public Optional<LegId> sessionLegOf(AgentId agent) {
        return Optional.ofNullable(sessions.get(agent));
    }

    @Override
    public Optional<LegId> agentLegOf(CallId call) {
        return Optional.ofNullable(agentLegs.get(call));
    }

    @Override
    public void expectAgentLeg(CallId call, LegId agentLeg) {
        announcements.add("expect " + call + " " + agentLeg);
    }

    @Override
    public void withdrawAgentLeg(CallId call, LegId agentLeg) {
        announcements.add("withdraw " + call + " " + agentLeg);
    }
}
