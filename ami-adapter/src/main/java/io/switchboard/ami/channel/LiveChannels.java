package io.switchboard.ami.channel;

import io.switchboard.core.id.CallId;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The live channels, by Uniqueid and by name; a channel's name may change ({@code Rename}), its Uniqueid never. */
final class LiveChannels {

    private final Map<String, TrackedChannel> byUniqueid = new ConcurrentHashMap<>();
    private final Map<String, String> uniqueidByName = new ConcurrentHashMap<>();

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
    }

    TrackedChannel remove(String uniqueid) {
        TrackedChannel removed = uniqueid == null ? null : byUniqueid.remove(uniqueid);
        if (removed != null) {
            uniqueidByName.remove(removed.snapshot().name(), uniqueid);
        }
        return removed;
    }

    Collection<TrackedChannel> all() {
        return byUniqueid.values();
    }

    Map<String, TrackedChannel> copy() {
        return Map.copyOf(byUniqueid);
    }

    boolean hasLeg(String leg) {
        return byUniqueid.values().stream().anyMatch(t -> t.leg().equals(leg));
    }

    boolean hasCall(CallId call) {
        return byUniqueid.values().stream().anyMatch(t -> t.snapshot().callId().equals(Optional.of(call)));
    }

    void clear() {
        byUniqueid.clear();
        uniqueidByName.clear();
    }
}
