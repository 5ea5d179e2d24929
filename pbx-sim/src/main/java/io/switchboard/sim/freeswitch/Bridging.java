package io.switchboard.sim.freeswitch;

import static io.switchboard.sim.freeswitch.ChannelEvents.headers;

import io.switchboard.sim.esl.EslHeader;
import java.util.List;
import java.util.UUID;

/**
 * {@code uuid_bridge A B} (Quirks 13-15): B and A leave park, A fires the one CHANNEL_BRIDGE of the
 * bridge and later its one CHANNEL_UNBRIDGE; B's {@code Channel-Call-UUID} becomes A's. When one
 * side hangs up the other is hung up too, unless it was originated with {@code park_after_bridge=true}.
 */
final class Bridging {

    private final FsEngine engine;

    Bridging(FsEngine engine) {
        this.engine = engine;
    }

    /** Bridges two live channels. */
    void bridge(FsChannel a, FsChannel b) {
        Channels channels = engine.channels;
        transferredOut(a);
        transferredOut(b);
        long now = engine.core.micros();
        a.peer = b;
        b.peer = a;
        a.otherType = "originatee";
        b.otherType = "originator";
        a.bridgeOwner = true;
        String source = now / 1_000_000 + ":" + UUID.randomUUID() + ":uuid_br:";
        a.transferSource = source + b.uuid;
        b.transferSource = source + a.uuid;
        a.bridgedMicros = now;
        b.bridgedMicros = now;
        b.callUuid = a.uuid;
        b.reset("call_uuid", a.uuid);
        a.state("CS_SOFT_EXECUTE", 3);
        b.state("CS_EXCHANGE_MEDIA", 5);
        link(a, b);
        link(b, a);
        a.peerView = b.snapshot();
        b.peerView = a.snapshot();
        a.calleeIdName = b.origCallerIdName;
        a.calleeIdNumber = b.origCallerIdNumber;
        channels.unpark(b);
        channels.interrupt(b);
        channels.unpark(a);
        channels.interrupt(a);
        channels.startApp(a, "uuid_bridge", b.uuid);
        channels.startApp(b, "uuid_bridge", a.uuid);
        engine.fire(engine.events.event("CHANNEL_BRIDGE", a, bridgeIds(a, b), List.of()));
    }

    private static void link(FsChannel ch, FsChannel other) {
        ch.reset("bridge_channel", other.name);
        ch.reset("bridge_uuid", other.uuid);
        ch.reset("signal_bond", other.uuid);
        ch.reset("last_bridge_to", other.uuid);
    }

    /**
     * A bridge an application makes (mod_callcenter): no park to leave, no {@code uuid_bridge}
     * execution, no transfer source; A still owns BRIDGE/UNBRIDGE.
     */
    void bridgeByApplication(FsChannel a, FsChannel b) {
        long now = engine.core.micros();
        a.peer = b;
        b.peer = a;
        a.otherType = "originatee";
        b.otherType = "originator";
        a.bridgeOwner = true;
        a.bridgedMicros = now;
        b.bridgedMicros = now;
        b.callUuid = a.uuid;
        b.reset("call_uuid", a.uuid);
        link(a, b);
        link(b, a);
        String source = now / 1_000_000 + ":" + UUID.randomUUID() + ":uuid_br:";
        a.transferSource = source + b.uuid;
        b.transferSource = source + a.uuid;
        a.peerView = b.snapshot();
        b.peerView = a.snapshot();
        a.calleeIdName = b.callerIdName;
        a.calleeIdNumber = b.callerIdNumber;
        engine.fire(engine.events.event("CHANNEL_BRIDGE", a, bridgeIds(a, b), List.of()));
    }

    /** {@code dead} hung up while bridged to {@code peer}. */
    void peerHungUp(FsChannel dead, FsChannel peer) {
        peer.set("last_bridge_hangup_cause", dead.hangupCause);
        if (peer.bridgeOwner) {
            peer.set("bridge_hangup_cause", dead.hangupCause);
            unbridge(peer);
        }
        String transferAfter = peer.variables.getOrDefault("transfer_after_bridge", "");
        if (peer.afterBridge != null) {
            Runnable goOn = peer.afterBridge;
            peer.afterBridge = null;
            goOn.run();
        } else if (!transferAfter.isEmpty()) {
            String[] target = transferAfter.split(":");
            engine.channels.completeApp(peer, "");
            engine.dialplan.transfer(peer, target[0], target.length > 2 ? target[2] : "default");
        } else if (Boolean.parseBoolean(peer.variables.getOrDefault("park_after_bridge", "false"))) {
            engine.channels.completeApp(peer, "");
            // The dead leg's thread sets this while the survivor parks: in 07 the first CHANNEL_PARK
            // comes before it, the second after it (the variable then moves last).
            boolean again = peer.variables.containsKey("bridge_hangup_cause");
            if (again) {
                peer.reset("bridge_hangup_cause", dead.hangupCause);
            }
            engine.channels.parkAfterBridge(peer);
            if (!again) {
                peer.set("bridge_hangup_cause", dead.hangupCause);
            }
        } else {
            peer.causeBeforeDestroy = dead.hangupCause;
            engine.channels.hangup(peer, "NORMAL_CLEARING");
            if (dead.bridgeOwner) {
                dead.set("bridge_hangup_cause", peer.hangupCause);
            }
        }
    }

    /**
     * {@code uuid_transfer} of a bridged leg: the bridge ends (CHANNEL_UNBRIDGE) and the other leg
     * parks again ({@code park_after_bridge}), moves on ({@code transfer_after_bridge}, a running
     * {@code bridge} application) or is hung up, as when its peer hangs up.
     */
    void transferredOut(FsChannel ch) {
        FsChannel peer = ch.peer;
        if (peer == null || peer.gone || peer.peer != ch) {
            return;
        }
        if (ch.bridgeOwner) {
            unbridge(ch);
        } else if (peer.bridgeOwner) {
            unbridge(peer);
        }
        ch.peer = null;
        String transferAfter = peer.variables.getOrDefault("transfer_after_bridge", "");
        if (Boolean.parseBoolean(peer.variables.getOrDefault("park_after_bridge", "false"))) {
            engine.channels.completeApp(peer, "");
            engine.channels.parkAfterBridge(peer);
        } else if (peer.afterBridge != null) {
            Runnable goOn = peer.afterBridge;
            peer.afterBridge = null;
            goOn.run();
        } else if (!transferAfter.isEmpty()) {
            String[] target = transferAfter.split(":");
            engine.channels.completeApp(peer, "");
            engine.dialplan.transfer(peer, target[0], target.length > 2 ? target[2] : "default");
        } else {
            engine.channels.hangup(peer, "NORMAL_CLEARING");
        }
    }

    /** The bridge owner's CHANNEL_UNBRIDGE. */
    void unbridge(FsChannel owner) {
        if (!owner.bridgeOwner || owner.peer == null) {
            return;
        }
        owner.bridgeOwner = false;
        FsChannel b = owner.peer;
        owner.set("last_bridge_role", "originator");
        engine.fire(engine.events.event("CHANNEL_UNBRIDGE", owner, bridgeIds(owner, b), List.of()));
    }

    private static List<EslHeader> bridgeIds(FsChannel a, FsChannel b) {
        return headers("Bridge-A-Unique-ID", a.uuid, "Bridge-B-Unique-ID", b.uuid);
    }
}
