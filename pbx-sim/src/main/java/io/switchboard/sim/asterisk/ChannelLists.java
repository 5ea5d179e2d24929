package io.switchboard.sim.asterisk;

import io.switchboard.sim.ami.AmiAction;
import io.switchboard.sim.ami.AmiMessage;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The resync EventLists {@code CoreShowChannels} and {@code Status} (all channels or one), in the
 * shape of fixture 12/12b: {@code EventList: start} in the response, items without
 * {@code Timestamp}, {@code ActionID} second in CoreShowChannel but last in Status, {@code BridgeId}
 * vs {@code BridgeID}, and {@code ...Complete} with {@code ListItems} (plus {@code Items} for
 * Status) (Quirks 4, 5, 6). Also {@code BridgeList} (basic bridges only).
 */
final class ChannelLists {

    private final Calls calls;

    ChannelLists(Calls calls) {
        this.calls = calls;
    }

    void coreShowChannels(AmiSession session, AmiAction action) {
        Actions.reply(session, action, "Success", "EventList", "start", "Message", "Channels will follow");
        Collection<SimChannel> all = calls.all();
        for (SimChannel c : all) {
            Events.Builder b = new Events.Builder().add("Event", "CoreShowChannel");
            action.actionId().ifPresent(id -> b.add("ActionID", id));
            session.send(b.channel("", c)
                    .add("Application", c.application)
                    .add("ApplicationData", c.applicationData)
                    .add("Duration", clock(age(c)))
                    .add("BridgeId", bridgeOf(c))
                    .build());
        }
        session.send(complete("CoreShowChannelsComplete", action, all.size(), false));
    }

    void status(AmiSession session, AmiAction action) {
        Optional<String> wanted = action.header("Channel").map(String::trim).filter(c -> !c.isEmpty());
        List<SimChannel> listed;
        if (wanted.isPresent()) {
            Optional<SimChannel> one = calls.channel(wanted.get());
            if (one.isEmpty()) {
                Actions.reply(session, action, "Error", "Message", "No such channel");
                return;
            }
            listed = List.of(one.get());
        } else {
            listed = List.copyOf(calls.all());
        }
        Actions.reply(session, action, "Success", "EventList", "start", "Message", "Channel status will follow");
        for (SimChannel c : listed) {
            Events.Builder b = new Events.Builder().add("Event", "Status").add("Privilege", "Call").channel("", c)
                    .add("Type", c.name.substring(0, Math.max(0, c.name.indexOf('/'))))
                    .add("DNID", c.isLocal() ? "" : c.dnid)
                    .add("EffectiveConnectedLineNum", c.connectedNum)
                    .add("EffectiveConnectedLineName", c.connectedName)
                    .add("TimeToHangup", "0")
                    .add("BridgeID", bridgeOf(c))
                    .add("Application", c.application)
                    .add("Data", c.applicationData)
                    .add("Nativeformats", c.isLocal() ? "(slin)" : "(alaw)")
                    .add("Readformat", c.isLocal() ? "slin" : "alaw")
                    .add("Readtrans", "")
                    .add("Writeformat", c.isLocal() ? "slin" : "alaw")
                    .add("Writetrans", "")
                    .add("Callgroup", "0")
                    .add("Pickupgroup", "0")
                    .add("Seconds", Long.toString(age(c).toSeconds()));
            action.actionId().ifPresent(id -> b.add("ActionID", id));
            session.send(b.build());
        }
        session.send(complete("StatusComplete", action, listed.size(), true));
    }

    void bridgeList(AmiSession session, AmiAction action) {
        Actions.reply(session, action, "Success", "EventList", "start", "Message", "Bridge listing will follow");
        java.util.Set<SimBridge> bridges = new java.util.LinkedHashSet<>();
        calls.all().stream().filter(c -> c.bridge != null).forEach(c -> bridges.add(c.bridge));
        for (SimBridge bridge : bridges) {
            Events.Builder b = new Events.Builder().add("Event", "BridgeListItem");
            action.actionId().ifPresent(id -> b.add("ActionID", id));
            session.send(b.add("BridgeUniqueid", bridge.uniqueid)
                    .add("BridgeType", "basic")
                    .add("BridgeTechnology", "simple_bridge")
                    .add("BridgeCreator", "<unknown>")
                    .add("BridgeName", "<unknown>")
                    .add("BridgeNumChannels", Integer.toString(bridge.members.size()))
                    .add("BridgeVideoSourceMode", "none")
                    .build());
        }
        session.send(complete("BridgeListComplete", action, bridges.size(), false));
    }

    static AmiMessage complete(String event, AmiAction action, int count, boolean items) {
        Events.Builder b = new Events.Builder().add("Event", event);
        action.actionId().ifPresent(id -> b.add("ActionID", id));
        b.add("EventList", "Complete").add("ListItems", Integer.toString(count));
        if (items) {
            b.add("Items", Integer.toString(count));
        }
        return b.build();
    }

    private static String bridgeOf(SimChannel c) {
        return c.bridge == null ? "" : c.bridge.uniqueid;
    }

    private Duration age(SimChannel c) {
        Duration age = Duration.between(c.created, calls.events.now());
        return age.isNegative() ? Duration.ZERO : age;
    }

    private static String clock(Duration d) {
        long s = d.toSeconds();
        return String.format("%02d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }
}
