package io.switchboard.ami.channel;

import io.switchboard.core.id.CallId;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live channels, by Uniqueid and by name; a channel's name may change ({@code Rename}), its Uniqueid never.
 * How many live channels each leg and each call has is counted as channels come and go, so {@link #hasLeg} (every
 * hang-up) and {@link #hasCall} (every connect command) do not walk every live channel. Written by one thread at a
 * time; read from any.
 */
final class LiveChannels {

    private final Map<String, TrackedChannel> byUniqueid = new ConcurrentHashMap<>();
    private final Map<String, String> uniqueidByName = new ConcurrentHashMap<>();
    private final Map<String, Integer> channelsByLeg = new ConcurrentHashMap<>();
    private final Map<CallId, Integer> channelsByCall = new ConcurrentHashMap<>();

    TrackedChannel get(String uniqueid) {
        return uniqueid == null ? null : byUniqueid.get(uniqueid);
    }

    boolean contains(String uniqueid) {
        return byUniqueid.containsKey(uniqueid);
    }

    Optional<TrackedChannel> byName(String name) {
        return Optional.ofNullable(name).map(uniqueidByName::get).map(byUniqueid::get);
    }

    /** The other half of a live Local channel, if it is live too. */
    Optional<TrackedChannel> partnerOf(ChannelSnapshot channel) {
        LocalHalf half = channel.localHalf();
        return half == LocalHalf.NONE ? Optional.empty() : byName(half.partnerName(channel.name()));
    }

    /** Adds or replaces the channel; a new name replaces the old one. */
    void put(TrackedChannel tracked) {
        TrackedChannel old = byUniqueid.put(tracked.snapshot().uniqueid(), tracked);
        if (old != null && !old.snapshot().name().equals(tracked.snapshot().name())) {
            uniqueidByName.remove(old.snapshot().name(), old.snapshot().uniqueid());
        }
        uniqueidByName.put(tracked.snapshot().name(), tracked.snapshot().uniqueid());
        count(tracked, 1);
        if (old != null) {
            count(old, -1);
        }
    }

    TrackedChannel remove(String uniqueid) {
        TrackedChannel removed = uniqueid == null ? null : byUniqueid.remove(uniqueid);
        if (removed != null) {
            uniqueidByName.remove(removed.snapshot().name(), uniqueid);
            count(removed, -1);
        }
        return removed;
    }

    Collection<TrackedChannel> all() {
        return byUniqueid.values();
    }

    Map<String, TrackedChannel> copy() {
        return Map.copyOf(byUniqueid);
    }

    /** Whether a live channel is part of {@code leg}. */
    boolean hasLeg(String leg) {
        return channelsByLeg.containsKey(leg);
    }

    /** Whether a live channel belongs to {@code call}. */
    boolean hasCall(CallId call) {
        return channelsByCall.containsKey(call);
    }

    void clear() {
        byUniqueid.clear();
        uniqueidByName.clear();
        channelsByLeg.clear();
        channelsByCall.clear();
    }

    private void count(TrackedChannel channel, int change) {
        channelsByLeg.compute(channel.leg(), (leg, n) -> plus(n, change));
        channel.snapshot().callId().ifPresent(call -> channelsByCall.compute(call, (c, n) -> plus(n, change)));
    }

    /** A count changed by {@code change}; none (the key goes) at zero. */
    private static Integer plus(Integer count, int change) {
        int now = (count == null ? 0 : count) + change;
        return now <= 0 ? null : now;
    }
}
