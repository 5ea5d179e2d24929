package io.switchboard.sim.asterisk;

import java.util.List;

/**
 * Basic two-party bridges: made when a dialled channel answers or by the AMI {@code Bridge} action,
 * ended when either side leaves.
 */
final class Bridges {

    private final Calls calls;

    Bridges(Calls calls) {
        this.calls = calls;
    }

    Events.Builder event(String name, SimBridge bridge) {
        return bridge.headers(calls.events.event(name, "call,all"));
    }

    /**
     * Puts two channels into a new basic bridge (BridgeCreate, BridgeEnter ×2); for Dial the callee's
     * {@code AppDial} Newexten comes between (app_queue sends its {@code AppQueue} one before DialEnd,
     * and sets no DIALSTATUS).
     */
    SimBridge bridge(SimChannel callee, SimChannel caller, boolean byQueue) {
        SimBridge bridge = SimBridge.basic(calls.nextBridgeId(), caller);
        bridge.byQueue = byQueue;
        calls.emit(event("BridgeCreate", bridge).build());
        if (!byQueue) {
            calls.emit("Newexten", callee, "Extension", callee.exten, "Application", "AppDial",
                    "AppData", "(Outgoing Line)");
        }
        callee.cdrPeer = caller.name;
        caller.cdrPeer = callee.name;
        for (SimChannel member : List.of(callee, caller)) {
            bridge.members.add(member);
            member.bridge = bridge;
            calls.emit(event("BridgeEnter", bridge).channel("", member).build());
        }
        announcePeers(bridge);
        return bridge;
    }

    /**
     * AMI {@code Bridge}: both channels leave what they run (music on hold, an Originate's
     * Application) and enter a new basic bridge. The later channel takes the older Linkedid, visible on
     * its BridgeEnter (Quirk 15: the held customer's {@code ;2} gets the agent's; its {@code ;1} keeps its own).
     * When the bridge ends, the channel left behind goes on with its dialplan where it was (08b).
     */
    void amiBridge(SimChannel one, SimChannel two) {
        SimBridge bridge = SimBridge.basic(calls.nextBridgeId(), null);
        calls.emit(event("BridgeCreate", bridge).build());
        String linkedid = one.created.isAfter(two.created) ? two.linkedid : one.linkedid;
        for (SimChannel member : List.of(one, two)) {
            member.cancelTimer();
            member.generation++;
            if (member.mohClass != null) {
                calls.stopMusic(member);
                member.priority++;
            }
            member.linkedid = linkedid;
            bridge.members.add(member);
            member.bridge = bridge;
            calls.emit(event("BridgeEnter", bridge).channel("", member).build());
        }
        announcePeers(bridge);
        one.connectedNum = two.callerNum;
        one.connectedName = two.callerName;
        two.connectedNum = one.callerNum;
        two.connectedName = one.callerName;
        for (SimChannel member : List.of(one, two)) {
            calls.emit("NewConnectedLine", member);
            if (member.partner != null) {
                member.partner.callerIdAfterHangup = true;
            }
        }
    }

    /**
     * VarSet BRIDGEPEER on every member: the other members' names, after a ConfBridge's announcer
     * ({@code CBAnn/<conference>-N;2}) if it has one; empty for a channel on its way out.
     */
    void announcePeers(SimBridge bridge) {
        for (SimChannel member : bridge.members) {
            List<String> peers = new java.util.ArrayList<>();
            if (bridge.hidden > 0) {
                peers.add(bridge.announcer);
            }
            bridge.members.stream().filter(m -> m != member).forEach(m -> peers.add(m.name));
            calls.setVariable(member, "BRIDGEPEER", String.join(",", peers));
        }
    }

    /** Dial() returns to the caller once it is out of the bridge: DIALSTATUS is set again (05, 11). */
    private void dialReturns(SimBridge bridge, SimChannel left) {
        if (left == bridge.dialCaller && !bridge.byQueue) {
            calls.setVariable(left, "DIALSTATUS", "ANSWER");
        }
    }

    /** Whether {@code c} was put into its bridge by AMI {@code Bridge} (it runs no application there). */
    static boolean amiBridged(SimChannel c) {
        return c.bridge != null && !c.bridge.isConference() && c.bridge.dialCaller == null;
    }

    /** {@code c} leaves (it hangs up); the other member's end of the bridge follows afterwards. */
    void leave(SimChannel c, List<Runnable> afterwards) {
        SimBridge bridge = c.bridge;
        for (SimChannel member : bridge.members) {
            calls.setVariable(member, "BRIDGEPEER", "");
        }
        c.bridge = null;
        bridge.members.remove(c);
        calls.emit(event("BridgeLeave", bridge).channel("", c).build());
        dialReturns(bridge, c);
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
        dialReturns(bridge, remaining);
        if (remaining == bridge.dialCaller) {
            calls.continueAfterDial(remaining);
        } else if (bridge.dialCaller == null) {
            remaining.applicationOnly = false;
            calls.run(remaining);
        } else {
            calls.hangup(remaining, false, 16);
        }
    }
}
