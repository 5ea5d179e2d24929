package io.switchboard.sim.asterisk;

import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code ChanSpy(prefix,options)} as fixtures 13 and 13b saw it: the spyer listens to the newest
 * channel whose name starts with the prefix (for {@code Local/agent1@agents} the agent's {@code ;2},
 * which runs Wait(), not the bridged {@code ;1}: Quirk 24) with ChanSpyStart. An AMI Hangup of the spyer
 * (or of its Local partner) answers Success but does nothing until the spied channel ends; then
 * ChanSpyStop and the spyer hangs up. With option {@code E} (the glue's {@code switchboard-spy}) ChanSpy returns
 * when the spied channel ends and the dialplan's next priority, {@code Hangup()}, hangs the spyer up. Engine
 * thread only.
 */
final class ChanSpy {

    private final Calls calls;
    /** Spied channel by spyer, in the order the spies started: several may spy on one channel. */
    private final Map<SimChannel, SimChannel> spying = new LinkedHashMap<>();
    /** Spyers an AMI Hangup was asked for while they spied. */
    private final Set<SimChannel> hangupPending = new HashSet<>();
    /** Spyers whose ChanSpy has option {@code E}: they end with the spied channel. */
    private final Set<SimChannel> endWithSpied = new HashSet<>();

    ChanSpy(Calls calls) {
        this.calls = calls;
    }

    /** Runs ChanSpy on {@code spyer}: spies on the matching channel, or waits if there is none. */
    void start(SimChannel spyer, String prefix, String options) {
        if (options.contains("E")) {
            endWithSpied.add(spyer);
        }
        Optional<SimChannel> spyee = calls.all().stream()
                .filter(c -> c.name.startsWith(prefix) && c != spyer && c.alive)
                .max(Comparator.comparing((SimChannel c) -> c.created).thenComparing(c -> !c.localOne));
        spyee.ifPresent(target -> {
            spying.put(spyer, target);
            calls.emit(event("ChanSpyStart", spyer, target));
        });
    }

    /**
     * Whether an AMI Hangup of {@code c} is swallowed because {@code c} (or its Local partner) is
     * spying; then it takes effect when the spied channel ends.
     */
    boolean deferHangup(SimChannel c) {
        for (SimChannel spyer : spying.keySet()) {
            if (spyer == c || spyer == c.partner) {
                hangupPending.add(spyer);
                return true;
            }
        }
        return false;
    }

    /** {@code c} ends: for each spyer on it, ChanSpyStop comes before its Hangup and a pending spyer hangup follows. */
    void ending(SimChannel c) {
        endWithSpied.remove(c);
        spying.remove(c);
        List<SimChannel> spyers = spying.entrySet().stream().filter(e -> e.getValue() == c).map(Map.Entry::getKey)
                .toList();
        for (SimChannel spyer : spyers) {
            spying.remove(spyer);
            calls.emit(event("ChanSpyStop", spyer, c));
            boolean ends = endWithSpied.remove(spyer);
            if (hangupPending.remove(spyer)) {
                calls.after(Duration.ZERO, () -> calls.hangup(spyer, true, 0));
            } else if (ends) {
                calls.after(Duration.ZERO, () -> calls.hangup(spyer, true, 16));
            }
        }
    }

    private io.switchboard.sim.ami.AmiMessage event(String name, SimChannel spyer, SimChannel spyee) {
        return calls.events.event(name, "call,all").channel("Spyer", spyer).channel("Spyee", spyee).build();
    }
}
