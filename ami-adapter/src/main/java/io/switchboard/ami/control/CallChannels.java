package io.switchboard.ami.control;

import io.switchboard.ami.channel.ChannelRegistry;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a call lives on the PBX: the channel names commands act on. {@link #of(ChannelRegistry)} answers
 * from the live channels the AMI event stream shows.
 */
public interface CallChannels {

    /** The customer's channel to Redirect or Hangup; the {@code ;2} half for Local pairs. Empty if unknown. */
    Optional<String> channelOf(CallId call);

    /** The channel of one leg of the call (the agent's, for Atxfer); empty if unknown or not tied to the call. */
    Optional<String> channelOf(CallId call, LegId leg);

    /** The agent's channel talking to the call's customer (the spy target for whisper); empty if unknown. */
    Optional<String> agentChannelOf(CallId call);

    /**
     * The customer of {@code call} is about to be Redirected to dial an agent: the leg it dials next is to
     * be reported as {@code agentLeg}. Does nothing by default, for lookups that report no events.
     */
    default void expectAgentLeg(CallId call, LegId agentLeg) {
    }

    /** The Redirect that {@link #expectAgentLeg} announced was refused; does nothing by default. */
    default void withdrawAgentLeg(CallId call, LegId agentLeg) {
    }

    /**
     * Call control originates a ring leg for {@code call} whose channel gets Uniqueid {@code uniqueid}: it is
     * to be reported as {@code agentLeg} of that call. Does nothing by default, for lookups that report no events.
     */
    default void expectRingLeg(CallId call, LegId agentLeg, String uniqueid) {
    }

    /** The channels {@code registry} tracks. */
    static CallChannels of(ChannelRegistry registry) {
        Objects.requireNonNull(registry, "registry");
        return new CallChannels() {
            @Override
            public Optional<String> channelOf(CallId call) {
                return registry.channelOf(call);
            }

            @Override
            public Optional<String> channelOf(CallId call, LegId leg) {
                return registry.channelOf(call, leg);
            }

            @Override
            public Optional<String> agentChannelOf(CallId call) {
                return registry.agentChannelOf(call);
            }

            @Override
            public void expectAgentLeg(CallId call, LegId agentLeg) {
                registry.expectAgentLeg(call, agentLeg);
            }

            @Override
            public void withdrawAgentLeg(CallId call, LegId agentLeg) {
                registry.withdrawAgentLeg(call, agentLeg);
            }

            @Override
            public void expectRingLeg(CallId call, LegId agentLeg, String uniqueid) {
                registry.expectRingLeg(call, agentLeg, uniqueid);
            }
        };
    }
}
