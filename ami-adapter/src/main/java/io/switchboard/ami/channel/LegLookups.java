package io.switchboard.ami.channel;

import io.switchboard.core.id.CallId;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Finds the channel of a leg, and the agent's leg of a call, among the live channels. */
final class LegLookups {

    private LegLookups() {
    }

    /**
     * The channel of {@code leg} if the leg belongs to {@code call} or shares a bridge with it (a nailed-up
     * agent's own leg joined by the customer's). For a Local pair the half in a bridge, which is the half
     * Atxfer acts on; else the {@code ;2} half, which runs the dialplan (Quirk 14).
     */
    static Optional<String> channelOfLeg(Collection<TrackedChannel> live, CallId call, String leg) {
        List<TrackedChannel> legChannels = ofLeg(live, leg);
        Set<String> callBridges = bridges(live.stream().filter(t -> t.snapshot().callId().equals(Optional.of(call)))
                .toList());
        boolean related = legChannels.stream().anyMatch(t -> t.snapshot().callId().equals(Optional.of(call))
                || t.snapshot().bridgeId().filter(callBridges::contains).isPresent());
        if (!related) {
            return Optional.empty();
        }
        return legChannels.stream().filter(t -> t.snapshot().bridgeId().isPresent()).findFirst()
                .or(() -> half(legChannels, LocalHalf.TWO))
                .or(() -> legChannels.stream().findFirst())
                .map(t -> t.snapshot().name());
    }

    /**
     * The agent's channel for {@code customerLeg}: a leg in a bridge with the customer (the agent dialled
     * by the connect context, or the nailed-up agent in its conference), else a leg dialled from the
     * customer's channel that is not bridged yet. For a Local pair the {@code ;2} half, the one ChanSpy
     * was seen to spy on (Quirk 24); the oldest leg when several qualify.
     */
    static Optional<String> agentChannelOf(Collection<TrackedChannel> live, CallId call, String customerLeg) {
        Set<String> customerBridges = bridges(ofLeg(live, customerLeg));
        List<TrackedChannel> others = live.stream().filter(t -> !t.leg().equals(customerLeg)).toList();
        Optional<String> agentLeg = oldestLeg(others.stream()
                .filter(t -> t.snapshot().bridgeId().filter(customerBridges::contains).isPresent()).toList())
                .or(() -> oldestLeg(others.stream()
                        .filter(t -> t.snapshot().callId().equals(Optional.of(call))).toList()));
        return agentLeg.map(leg -> ofLeg(live, leg)).flatMap(channels -> half(channels, LocalHalf.TWO)
                .or(() -> channels.stream().findFirst())).map(t -> t.snapshot().name());
    }

    private static List<TrackedChannel> ofLeg(Collection<TrackedChannel> live, String leg) {
        return live.stream().filter(t -> t.leg().equals(leg))
                .sorted(Comparator.comparing(t -> t.snapshot().name())).toList();
    }

    private static Set<String> bridges(Collection<TrackedChannel> channels) {
        return channels.stream().flatMap(t -> t.snapshot().bridgeId().stream()).collect(Collectors.toSet());
    }

    private static Optional<String> oldestLeg(List<TrackedChannel> candidates) {
        return candidates.stream().map(TrackedChannel::leg).min(Comparator.naturalOrder());
    }

    private static Optional<TrackedChannel> half(List<TrackedChannel> channels, LocalHalf half) {
        return channels.stream().filter(t -> t.snapshot().localHalf() == half).findFirst();
    }
}
