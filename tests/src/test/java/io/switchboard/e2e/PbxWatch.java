package io.switchboard.e2e;

import io.switchboard.sim.SimulatedPbx;
import io.switchboard.sim.ami.AmiMessage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the simulated PBX itself saw of the callers and the agents' phones, whichever node drove it: how often each
 * caller's channel entered a bridge, which channels are gone, and every moment an agent's phone had a second leg
 * ringing or up while the first was still there (a double-booked agent). Reads the simulator's events in the
 * vocabulary both PBXs share ({@code DialBegin} with {@code DialString} and {@code DestChannel}, {@code BridgeEnter},
 * {@code Hangup}); the tallies are filled on the engine thread and safe to read from the test's.
 */
final class PbxWatch {

    private final Set<String> devices;
    private final Map<String, Integer> bridgeEntries = new ConcurrentHashMap<>();
    private final Map<String, java.time.Instant> firstBridged = new ConcurrentHashMap<>();
    private final Set<String> gone = ConcurrentHashMap.newKeySet();
    private final List<String> doubleBookings = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> legsRung = new ConcurrentHashMap<>();
    /** Engine thread only: the live legs of each watched device, and the device of each live leg. */
    private final Map<String, Set<String>> liveLegs = new HashMap<>();
    private final Map<String, String> deviceOfLeg = new HashMap<>();

    private PbxWatch(Set<String> extensions) {
        this.devices = Set.copyOf(extensions);
    }

    /** Watches {@code pbx} from now on; {@code extensions} are the agents' phones (e.g. {@code 7001}). */
    static PbxWatch attachTo(SimulatedPbx pbx, Set<String> extensions) {
        PbxWatch watch = new PbxWatch(extensions);
        pbx.drive(world -> world.listen(watch::onEvent));
        return watch;
    }

    private void onEvent(AmiMessage event) {
        String name = event.event().orElse("");
        switch (name) {
            case "DialBegin" -> {
                String device = extension(event.first("DialString").orElse(""));
                String leg = event.first("DestChannel").orElse("");
                if (devices.contains(device) && !leg.isEmpty()) {
                    Set<String> legs = liveLegs.computeIfAbsent(device, d -> new HashSet<>());
                    legs.add(leg);
                    deviceOfLeg.put(leg, device);
                    legsRung.merge(device, 1, Integer::sum);
                    if (legs.size() > 1) {
                        doubleBookings.add(device + " rung on " + leg + " while " + legs + " were live");
                    }
                }
            }
            case "BridgeEnter" -> event.first("Channel").ifPresent(c -> {
                bridgeEntries.merge(c, 1, Integer::sum);
                firstBridged.putIfAbsent(c, java.time.Instant.now());
            });
            case "Hangup" -> event.first("Channel").ifPresent(channel -> {
                gone.add(channel);
                String device = deviceOfLeg.remove(channel);
                if (device != null) {
                    liveLegs.get(device).remove(channel);
                }
            });
            default -> {
            }
        }
    }

    /** {@code 7001} of {@code 7001}, {@code 7001@default}, {@code SIP/7001}. */
    private static String extension(String dialString) {
        String target = dialString.substring(dialString.lastIndexOf('/') + 1);
        int at = target.indexOf('@');
        return at < 0 ? target : target.substring(0, at);
    }

    /** How many times the channel entered a bridge (a caller connected once: 1). */
    int bridged(String channel) {
        return bridgeEntries.getOrDefault(channel, 0);
    }

    /** When the channel first entered a bridge, on the test's clock. */
    java.util.Optional<java.time.Instant> bridgedAt(String channel) {
        return java.util.Optional.ofNullable(firstBridged.get(channel));
    }

    /** Whether the channel hung up. */
    boolean gone(String channel) {
        return gone.contains(channel);
    }

    /** Every moment a watched phone was rung while another of its legs was still ringing or up; empty is good. */
    List<String> doubleBookings() {
        return new ArrayList<>(doubleBookings);
    }

    /** How many legs were rung on the watched phones in all (a check that the watch saw the traffic at all). */
    int legsRung() {
        return legsRung.values().stream().mapToInt(Integer::intValue).sum();
    }
}
