package io.switchboard.sim.asterisk;

import io.switchboard.sim.ami.AmiAction;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The app_queue resync lists {@code QueueStatus} (QueueParams, QueueMember, QueueEntry) and
 * {@code QueueSummary} in the shape of fixture 12/12b: no {@code Timestamp}, {@code ActionID} last in
 * every item, {@code Name}/{@code Location} for members, {@code Priority} = the queue priority
 * (Quirks 4-6).
 */
final class QueueLists {

    private final Calls calls;

    QueueLists(Calls calls) {
        this.calls = calls;
    }

    void queueStatus(AmiSession session, AmiAction action) {
        Actions.reply(session, action, "Success", "EventList", "start", "Message", "Queue status will follow");
        int items = 0;
        for (Map.Entry<String, List<QueueMember>> queue : calls.queues().members().entrySet()) {
            String name = queue.getKey();
            List<QueueEntry> waiting = calls.queues().waiting(name);
            int[] counts = calls.queues().counts(name);
            session.send(item(action, new Events.Builder().add("Event", "QueueParams").add("Queue", name)
                    .add("Max", "0").add("Strategy", "ringall").add("Calls", Integer.toString(waiting.size()))
                    .add("Holdtime", "0").add("TalkTime", "0").add("Completed", Integer.toString(counts[0]))
                    .add("Abandoned", Integer.toString(counts[1])).add("ServiceLevel", "0")
                    .add("ServicelevelPerf", "0.0").add("ServicelevelPerf2", "0.0").add("Weight", "0")));
            items++;
            for (QueueMember m : queue.getValue()) {
                session.send(item(action, new Events.Builder().add("Event", "QueueMember").add("Queue", name)
                        .add("Name", m.name).add("Location", m.iface).add("StateInterface", m.iface)
                        .add("Membership", "static").add("Penalty", "0")
                        .add("CallsTaken", Integer.toString(m.callsTaken)).add("LastCall", Long.toString(m.lastCall))
                        .add("LastPause", Long.toString(m.lastPause)).add("LoginTime", Long.toString(m.loginTime))
                        .add("InCall", m.inCall ? "1" : "0").add("Status", Integer.toString(m.status()))
                        .add("Paused", m.paused ? "1" : "0").add("PausedReason", m.pausedReason)
                        .add("Wrapuptime", "0")));
                items++;
            }
            for (int i = 0; i < waiting.size(); i++) {
                QueueEntry e = waiting.get(i);
                SimChannel c = e.caller;
                session.send(item(action, new Events.Builder().add("Event", "QueueEntry").add("Queue", name)
                        .add("Position", Integer.toString(i + 1)).add("Channel", c.name).add("Uniqueid", c.uniqueid)
                        .add("CallerIDNum", c.callerNum).add("CallerIDName", c.callerName)
                        .add("ConnectedLineNum", c.connectedNum).add("ConnectedLineName", c.connectedName)
                        .add("Wait", seconds(e.joined)).add("Priority", "0")));
                items++;
            }
        }
        session.send(ChannelLists.complete("QueueStatusComplete", action, items, false));
    }

    void queueSummary(AmiSession session, AmiAction action) {
        Actions.reply(session, action, "Success", "EventList", "start", "Message", "Queue summary will follow");
        Map<String, List<QueueMember>> queues = calls.queues().members();
        for (Map.Entry<String, List<QueueMember>> queue : queues.entrySet()) {
            List<QueueEntry> waiting = calls.queues().waiting(queue.getKey());
            long available = queue.getValue().stream().filter(QueueMember::available).count();
            String longest = waiting.isEmpty() ? "0" : seconds(waiting.get(0).joined);
            session.send(item(action, new Events.Builder().add("Event", "QueueSummary").add("Queue", queue.getKey())
                    .add("LoggedIn", Integer.toString(queue.getValue().size()))
                    .add("Available", Long.toString(available)).add("Callers", Integer.toString(waiting.size()))
                    .add("HoldTime", "0").add("TalkTime", "0").add("LongestHoldTime", longest)));
        }
        session.send(ChannelLists.complete("QueueSummaryComplete", action, queues.size(), false));
    }

    private static io.switchboard.sim.ami.AmiMessage item(AmiAction action, Events.Builder b) {
        action.actionId().ifPresent(id -> b.add("ActionID", id));
        return b.build();
    }

    private String seconds(Instant since) {
        return Long.toString(Duration.between(since, calls.events.now()).toSeconds());
    }
}
