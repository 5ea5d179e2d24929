package io.switchboard.sim.asterisk;

import java.util.List;

/** Basic two-party bridges: made when a dialled channel answers, ended when either side leaves. */
final class Bridges {

    private final Calls calls;

    Bridges(Calls calls) {
        this.calls = calls;
    }

    Events.Builder event(String name, SimBridge bridge) {
        return bridge.headers(calls.events.event(name, "call,all"));
    }

    /** Puts two channels into a new basic bridge (BridgeCreate, BridgeEnter ×2). */
    SimBridge bridge(SimChannel callee, SimChannel caller) {
        SimBridge bridge = SimBridge.basic(calls.nextBridgeId(), caller);
        calls.emit(event("BridgeCreate", bridge).build());
        calls.emit("Newexten", callee, "Extension", callee.exten, "Application", "AppDial", "AppData", "(Outgoing Line)");
        for (SimChannel member : List.of(callee, caller)) {
            bridge.members.add(member);
            member.bridge = bridge;
            calls.emit(event("BridgeEnter", bridge).channel("", member).build());
        }
        return bridge;
    }

    /** {@code c} leaves (it hangs up); the other member's end of the bridge follows afterwards. */
    void leave(SimChannel c, List<Runnable> afterwards) {
        SimBridge bridge = c.bridge;
        c.bridge = null;
        bridge.members.remove(c);
        calls.emit(event("BridgeLeave", bridge).channel("", c).build());
        if (bridge.members.size() == 1) {
            SimChannel remaining = bridge.members.get(0);
            afterwards.add(() -> ended(bridge, remaining));
        }
    }

    private void ended(SimBridge bridge, SimChannel remaining) {
        if (!remaining.alive) {
            return;
        }
        remaining.bridge = null;
        bridge.members.clear();
        calls.emit(event("BridgeLeave", bridge).channel("", remaining).build());
        calls.emit(event("BridgeDestroy", bridge).build());
        if (remaining == bridge.dialCaller) {
            calls.continueAfterDial(remaining);
        } else {
            calls.hangup(remaining, false, 16);
        }
    }
}
