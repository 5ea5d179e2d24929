package io.switchboard.ami.control;

import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;

import java.util.Optional;

/**
 * Where a call lives on the PBX: the channel names commands act on. {@code ChannelRegistry::channelOf}
 * answers the first question.
 */
@FunctionalInterface
public interface CallChannels {

    /** The customer's channel to Redirect or Hangup; the {@code ;2} half for Local pairs. Empty if unknown. */
    Optional<String> channelOf(CallId call);

    /** The channel of one leg (the agent's, for Atxfer); empty if unknown or not tracked. */
    default Optional<String> channelOf(CallId call, LegId leg) {
        return Optional.empty();
    }

    /** The agent's channel bridged to the call (the spy target for whisper); empty if unknown. */
    default Optional<String> agentChannelOf(CallId call) {
        return Optional.empty();
    }
}
