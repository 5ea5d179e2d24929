package io.switchboard.queue.routing;

import io.switchboard.core.Require;

import java.time.Duration;
import java.util.Optional;

/**
 * How Switchboard places outbound calls for agents (config {@code outbound.*}).
 *
 * @param ringTimeout        how long the customer's phone rings before the call counts as not answered; at
 *                           least 15 s, which is also the minimum ring compliance rules ask for
 * @param machine            what the glue does when answering-machine detection hears a machine
 * @param machineMessage     the sound the glue plays to a machine for {@link MachineAction#MESSAGE}
 * @param safeHarbourMessage the sound a person hears who cannot be connected; empty for the glue's default
 * @param wrapUp             the agent's after-call work time once a connected call ends
 */
public record OutboundPolicy(Duration ringTimeout, MachineAction machine, Optional<String> machineMessage,
                             Optional<String> safeHarbourMessage, Duration wrapUp) {

    /** The shortest ring allowed. */
    public static final Duration MIN_RING = Duration.ofSeconds(15);

    /** What to do with a call answered by a machine. */
    public enum MachineAction {
        /** Hang up at once. */
        HANGUP,
        /** Play {@code machineMessage}, then hang up. */
        MESSAGE
    }

    public OutboundPolicy {
        Require.nonNull(ringTimeout, "ringTimeout");
        if (ringTimeout.compareTo(MIN_RING) < 0) {
            throw new IllegalArgumentException("ringTimeout must be at least 15 s, was " + ringTimeout);
        }
        Require.nonNull(machine, "machine");
        Require.nonNull(machineMessage, "machineMessage");
        Require.nonNull(safeHarbourMessage, "safeHarbourMessage");
        Require.nonNegative(wrapUp, "wrapUp");
        if (machine == MachineAction.MESSAGE && machineMessage.isEmpty()) {
            throw new IllegalArgumentException("machineMessage is required when machine is MESSAGE");
        }
    }

    /** 30 s ring, hang up on machines, the glue's safe-harbour sound, no wrap-up. */
    public static OutboundPolicy defaults() {
        return new OutboundPolicy(Duration.ofSeconds(30), MachineAction.HANGUP, Optional.empty(), Optional.empty(),
                Duration.ZERO);
    }
}
