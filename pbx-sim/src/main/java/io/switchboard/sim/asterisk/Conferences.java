package io.switchboard.sim.asterisk;

import io.switchboard.sim.ami.AmiAction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * ConfBridge conferences as fixture 08 shows them: BridgeCreate then ConfbridgeStart on first
 * join, BridgeEnter then ConfbridgeJoin ({@code Admin}, {@code Muted}, no {@code MarkedUser}),
 * ConfbridgeLeave (no {@code Muted}) then BridgeLeave, ConfbridgeEnd before BridgeDestroy
 * (Quirk 22). A hidden announcer channel counts in {@code BridgeNumChannels}, uses two
 * Uniqueids (Quirk 16) and a number of the Local channel sequence (08: agent {@code -00000000},
 * next customer {@code -00000002}). When the last marked user leaves, {@code end_marked} users are kicked and
 * continue their dialplan. Also the ConfbridgeList and ConfbridgeListRooms actions.
 */
final class Conferences {

    private final Calls calls;
    private final Map<String, SimBridge> rooms = new LinkedHashMap<>();

    Conferences(Calls calls) {
        this.calls = calls;
    }

    /** Whether {@code name} exists and has a marked user ({@code CONFBRIDGE_INFO(marked,name)} > 0). */
    boolean hasMarked(String name) {
        SimBridge room = rooms.get(name);
        return room != null && !room.marked.isEmpty();
    }

    private Events.Builder event(String name, SimBridge room) {
        Events.Builder b = calls.events.event(name, "call,all");
        if (name.startsWith("Confbridge")) {
            b.add("Conference", room.conference);
        }
        return room.headers(b);
    }

    void join(SimChannel c, Step.ConfBridge step) {
        String name = step.conference().apply(c);
        SimBridge room = rooms.get(name);
        if (room == null) {
            room = SimBridge.conference(calls.nextBridgeId(), name);
            rooms.put(name, room);
            calls.nextUniqueid();
            calls.nextUniqueid();
            room.announcer = calls.nextName("CBAnn/" + name, "Local") + ";2";
            calls.emit(event("BridgeCreate", room).build());
            room.hidden = 1;
            calls.emit(event("ConfbridgeStart", room).build());
            calls.deviceStates().publish("confbridge:" + room.conference, "INUSE");
        }
        room.members.add(c);
        if (step.marked()) {
            room.marked.add(c);
        }
        if (step.endMarked()) {
            room.endMarked.add(c);
        }
        c.bridge = room;
        calls.emit(event("BridgeEnter", room).channel("", c).build());
        boolean alone = room.members.size() == 1;
        if (!alone) {
            calls.bridges().announcePeers(room);
        }
        calls.emit(event("ConfbridgeJoin", room).channel("", c).add("Admin", "No").add("Muted", "No").build());
        if (alone) {
            calls.bridges().announcePeers(room);
        }
    }

    /** {@code c} leaves (hangup); kicked end_marked users continue their dialplan afterwards. */
    void leave(SimChannel c, List<Runnable> afterwards) {
        SimBridge room = c.bridge;
        boolean wasMarked = room.marked.contains(c);
        remove(room, c);
        if (wasMarked && room.marked.isEmpty()) {
            for (SimChannel kicked : new ArrayList<>(room.endMarked)) {
                remove(room, kicked);
                afterwards.add(() -> {
                    if (kicked.alive) {
                        calls.continueAfterApplication(kicked);
                    }
                });
            }
        }
        if (room.members.isEmpty()) {
            calls.emit(event("ConfbridgeEnd", room).build());
            calls.deviceStates().publish("confbridge:" + room.conference, "NOT_INUSE");
            calls.deviceStates().publish("CBAnn/" + room.conference, "INUSE");
            calls.deviceStates().publish("CBAnn/" + room.conference, "UNKNOWN");
            rooms.remove(room.conference);
            room.hidden = 0;
            afterwards.add(0, () -> calls.emit(event("BridgeDestroy", room).build()));
        }
    }

    private void remove(SimBridge room, SimChannel c) {
        calls.setVariable(c, "BRIDGEPEER", "");
        calls.emit(event("ConfbridgeLeave", room).channel("", c).add("Admin", "No").build());
        room.members.remove(c);
        room.marked.remove(c);
        room.endMarked.remove(c);
        c.bridge = null;
        calls.emit(event("BridgeLeave", room).channel("", c).build());
        if (!room.members.isEmpty()) {
            calls.bridges().announcePeers(room);
        }
    }

    /** Action ConfbridgeList: the users of one conference. */
    void list(AmiSession session, AmiAction action) {
        Optional<SimBridge> room = action.header("Conference").map(String::trim).map(rooms::get);
        if (room.isEmpty()) {
            Actions.reply(session, action, "Error", "Message", "No Conference by that name found.");
            return;
        }
        Actions.reply(session, action, "Success", "EventList", "start", "Message", "Confbridge user list will follow");
        for (SimChannel c : room.get().members) {
            Events.Builder b = new Events.Builder().add("Event", "ConfbridgeList");
            action.actionId().ifPresent(id -> b.add("ActionID", id));
            session.send(b.add("Conference", room.get().conference).add("Admin", "No")
                    .add("MarkedUser", yesNo(room.get().marked.contains(c))).add("WaitMarked", "No")
                    .add("EndMarked", yesNo(room.get().endMarked.contains(c))).add("EndMarkedAny", "No")
                    .add("Waiting", "No").add("Muted", "No").add("Talking", "No")
                    .add("AnsweredTime", Long.toString(
                            java.time.Duration.between(c.created, calls.events.now()).toSeconds()))
                    .channel("", c).build());
        }
        session.send(ChannelLists.complete("ConfbridgeListComplete", action, room.get().members.size(), false));
    }

    /** Action ConfbridgeListRooms: every conference with its party count. */
    void listRooms(AmiSession session, AmiAction action) {
        if (rooms.isEmpty()) {
            Actions.reply(session, action, "Error", "Message", "No active conferences.");
            return;
        }
        Actions.reply(session, action, "Success", "EventList", "start", "Message", "Confbridge conferences will follow");
        for (SimBridge room : rooms.values()) {
            Events.Builder b = new Events.Builder().add("Event", "ConfbridgeListRooms");
            action.actionId().ifPresent(id -> b.add("ActionID", id));
            session.send(b.add("Conference", room.conference).add("Parties", Integer.toString(room.members.size()))
                    .add("Marked", Integer.toString(room.marked.size())).add("Locked", "No").add("Muted", "No")
                    .build());
        }
        session.send(ChannelLists.complete("ConfbridgeListRoomsComplete", action, rooms.size(), false));
    }

    private static String yesNo(boolean value) {
        return value ? "Yes" : "No";
    }
}
