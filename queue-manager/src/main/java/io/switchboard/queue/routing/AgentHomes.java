package io.switchboard.queue.routing;

import io.switchboard.core.agent.Agent;
import io.switchboard.core.id.PbxId;
import io.switchboard.queue.selection.PbxReach;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which PBX each agent's device is on, and what a caller's PBX dials to ring it. A device's PBX is the one that
 * last reported the device's state (each PBX reports its own phones), else the only PBX that speaks the device's
 * technology ({@link PbxReach#byTechnology}); unknown otherwise, and then the caller's PBX rings the device as it
 * is, as with one PBX. Touched only on the router's context.
 */
final class AgentHomes {

    private final Map<String, PbxId> reported = new HashMap<>();
    private PbxReach reach = PbxReach.NONE;

    /** The trunks and technologies in force. */
    PbxReach reach() {
        return reach;
    }

    void reach(PbxReach newReach) {
        this.reach = newReach;
    }

    /** {@code pbx} reported the state of {@code device}; returns whether that moved the device to another PBX. */
    boolean reported(String device, PbxId pbx) {
        return !pbx.equals(reported.put(device, pbx));
    }

    /** The PBX the agent's device is on, when known. */
    Optional<PbxId> pbxOf(Agent agent) {
        return agent.device().flatMap(device -> Optional.ofNullable(reported.get(device))
                .or(() -> reach.byTechnology(device)));
    }

    /**
     * What {@code callPbx} dials to ring the agent's device: the device itself when it is on that PBX or its PBX is
     * unknown, else the trunk's dial string (empty without a trunk, which selection never lets happen).
     */
    Optional<String> endpoint(PbxId callPbx, Agent agent) {
        Optional<PbxId> home = pbxOf(agent);
        return agent.device().flatMap(device -> home.isEmpty() ? Optional.of(device)
                : reach.dialString(callPbx, home.get(), device));
    }
}
