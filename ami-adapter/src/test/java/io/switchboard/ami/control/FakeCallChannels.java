package io.switchboard.ami.control;

import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** {@link CallChannels} from plain maps: the channel names a test says the PBX has. */
final class FakeCallChannels implements CallChannels {

    private final Map<CallId, String> customers = new HashMap<>();
    private final Map<LegId, String> legs = new HashMap<>();
    private final Map<CallId, String> agents = new HashMap<>();
    private final Map<CallId, LegId> expectedAgentLegs = new HashMap<>();

    /** The customer's channel of {@code call}. */
    FakeCallChannels call(String call, String customerChannel) {
        customers.put(CallId.of(call), customerChannel);
        return this;
    }

    /** The channel of {@code leg} of any known call. */
    FakeCallChannels leg(String leg, String channel) {
        legs.put(LegId.of(leg), channel);
        return this;
    }

    /** The agent's channel talking to {@code call}. */
    FakeCallChannels agent(String call, String agentChannel) {
        agents.put(CallId.of(call), agentChannel);
        return this;
    }

    /** The agent leg call control last said {@code call}'s customer will dial, unless withdrawn. */
    synchronized Optional<LegId> expectedAgentLeg(String call) {
        return Optional.ofNullable(expectedAgentLegs.get(CallId.of(call)));
    }

    @Override
    public synchronized void expectAgentLeg(CallId call, LegId agentLeg) {
        expectedAgentLegs.put(call, agentLeg);
    }

    @Override
    public synchronized void withdrawAgentLeg(CallId call, LegId agentLeg) {
        expectedAgentLegs.remove(call, agentLeg);
    }

    @Override
    public Optional<String> channelOf(CallId call) {
        return Optional.ofNullable(customers.get(call));
    }

    @Override
    public Optional<String> channelOf(CallId call, LegId leg) {
        return customers.containsKey(call) ? Optional.ofNullable(legs.get(leg)) : Optional.empty();
    }

    @Override
    public Optional<String> agentChannelOf(CallId call) {
        return Optional.ofNullable(agents.get(call));
    }
}
