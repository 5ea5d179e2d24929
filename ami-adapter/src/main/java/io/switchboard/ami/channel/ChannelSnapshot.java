package io.switchboard.ami.channel;

import io.switchboard.core.Require;
import io.switchboard.core.id.CallId;

import java.util.Optional;

/**
 * One Asterisk channel as last seen on AMI (events, or a {@code CoreShowChannel} item on resync).
 *
 * @param name     the channel name, e.g. {@code SIP/127.0.0.1-00000000} or {@code Local/s@hold-00000000;2}
 * @param uniqueid the channel's Uniqueid; stable for the channel's life (unlike the Linkedid, Quirk 15)
 * @param linkedid the Linkedid as last reported; may change mid-call when AMI {@code Bridge} joins channels
 * @param context  the dialplan context the channel runs in; empty string when unknown
 * @param exten    the extension the channel runs; empty string when unknown
 * @param state    Asterisk's channel state description ({@code Ring}, {@code Ringing}, {@code Up}, ...)
 * @param bridgeId the bridge the channel is in, if any
 * @param callId   the Switchboard call the channel belongs to, if known
 */
public record ChannelSnapshot(String name, String uniqueid, String linkedid, String context, String exten,
                              String state, Optional<String> bridgeId, Optional<CallId> callId) {

    public ChannelSnapshot {
        Require.nonBlank(name, "name");
        Require.nonBlank(uniqueid, "uniqueid");
        linkedid = linkedid == null || linkedid.isBlank() ? uniqueid : linkedid;
        context = context == null ? "" : context;
        exten = exten == null ? "" : exten;
        state = state == null ? "" : state;
        Require.nonNull(bridgeId, "bridgeId");
        Require.nonNull(callId, "callId");
    }

    /** A channel outside any bridge and not yet tied to a call, e.g. built from a {@code CoreShowChannel} item. */
    public static ChannelSnapshot of(String name, String uniqueid, String linkedid,
                                     String context, String exten, String state) {
        return new ChannelSnapshot(name, uniqueid, linkedid, context, exten, state, Optional.empty(), Optional.empty());
    }

    /** Which half of a Local channel pair this is, by name ({@code ;1} or {@code ;2}, Quirk 14). */
    public LocalHalf localHalf() {
        return LocalHalf.of(name);
    }

    /** The same channel tied to {@code call}. */
    public ChannelSnapshot withCall(CallId call) {
        return new ChannelSnapshot(name, uniqueid, linkedid, context, exten, state, bridgeId, Optional.of(call));
    }

    /** The same channel with a new state description. */
    public ChannelSnapshot withState(String newState) {
        return new ChannelSnapshot(name, uniqueid, linkedid, context, exten, newState, bridgeId, callId);
    }

    /** The same channel running somewhere else in the dialplan. */
    public ChannelSnapshot at(String newContext, String newExten) {
        return new ChannelSnapshot(name, uniqueid, linkedid, newContext, newExten, state, bridgeId, callId);
    }

    /** The same channel with a new Linkedid (AMI {@code Bridge} changes it, Quirk 15). */
    public ChannelSnapshot withLinkedid(String newLinkedid) {
        return new ChannelSnapshot(name, uniqueid, newLinkedid, context, exten, state, bridgeId, callId);
    }

    /** The same channel inside {@code bridge}, or outside any bridge when empty. */
    public ChannelSnapshot inBridge(Optional<String> bridge) {
        return new ChannelSnapshot(name, uniqueid, linkedid, context, exten, state, bridge, callId);
    }
}
