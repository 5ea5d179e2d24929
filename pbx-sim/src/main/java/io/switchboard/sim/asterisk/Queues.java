package io.switchboard.sim.asterisk;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * app_queue with the settings of the fixtures' {@code queues.conf} (strategy ringall, ring timeout
 * 15 s, retry 2 s, {@code ringinuse=no}, {@code joinempty=yes}) and the static members the dialplan
 * declares ({@link Dialplan#queueMembers()}: {@code support} with {@code Local/agent1@agents}
 * named {@code Agent One} for the fixtures; none for Switchboard's glue, which replaces app_queue). The caller waits with music on hold
 * (QueueCallerJoin); a free member is rung (AgentCalled, then Dial events); on answer the caller
 * leaves the queue (QueueCallerLeave before AgentConnect, Quirk 23) and is bridged to the member; the
 * call ends with AgentComplete, or with QueueCallerAbandon and QueueCallerLeave if the caller hangs up
 * first. Engine thread only.
 */
final class Queues {

    static final Duration RING_TIMEOUT = Duration.ofSeconds(15);
    static final Duration RETRY = Duration.ofSeconds(2);

    private final Calls calls;
    private final Map<String, List<QueueMember>> members = new LinkedHashMap<>();
    private final Map<String, List<QueueEntry>> waiting = new LinkedHashMap<>();
    /** Per queue: calls completed (answered and ended) and abandoned, for QueueStatus. */
    private final Map<String, int[]> counts = new HashMap<>();
    /** Entries by caller channel and, once rung, by the member's channel. */
    private final Map<SimChannel, QueueEntry> entries = new HashMap<>();

    Queues(Calls calls, long loginTime) {
        this.calls = calls;
        for (QueueMember.Config member : calls.dialplan.queueMembers()) {
            members.computeIfAbsent(member.queue(), q -> new ArrayList<>())
                    .add(new QueueMember(member.queue(), member.iface(), member.name(), loginTime));
            waiting.put(member.queue(), new ArrayList<>());
        }
    }

    Map<String, List<QueueMember>> members() {
        return members;
    }

    /** The callers waiting in {@code queue}, in order (connected callers have left it). */
    List<QueueEntry> waiting(String queue) {
        return waiting.getOrDefault(queue, List.of());
    }

    /** Completed and abandoned calls of {@code queue} so far. */
    int[] counts(String queue) {
        return counts.computeIfAbsent(queue, q -> new int[2]);
    }

    /** {@code Queue(name,...)}: the caller joins and waits with music on hold; free members ring. */
    void join(SimChannel c, String queue) {
        List<QueueEntry> line = waiting.computeIfAbsent(queue, q -> new ArrayList<>());
        QueueEntry entry = new QueueEntry(queue, c, calls.events.now(), line.size() + 1);
        line.add(entry);
        entries.put(c, entry);
        if (line.size() == 1) {
            calls.deviceStates().publish("Queue:" + queue, "RINGING");
        }
        calls.emit("QueueCallerJoin", c, "Queue", queue, "Position", Integer.toString(line.size()),
                "Count", Integer.toString(line.size()));
        c.mohClass = "default";
        calls.emit("MusicOnHoldStart", c, "Class", "default");
        offer(queue);
    }

    /** Rings a free member for each waiting caller that is not ringing one yet (ringall, one member). */
    private void offer(String queue) {
        for (QueueEntry entry : List.copyOf(waiting(queue))) {
            if (entry.member != null || !entry.caller.alive) {
                continue;
            }
            Optional<QueueMember> free = members.getOrDefault(queue, List.of()).stream()
                    .filter(QueueMember::available).findFirst();
            if (free.isEmpty()) {
                return;
            }
            entry.member = free.get();
            entry.member.busyWith = entry.caller;
            entry.ringStarted = calls.events.now();
            calls.dialing().dialForQueue(entry.caller, entry.member.iface, RING_TIMEOUT);
        }
    }

    /**
     * A channel changed state or ended: members whose interface it belongs to get QueueMemberStatus
     * when their device state flips between NOT_INUSE and INUSE, also for calls outside the queue
     * (Quirk 23: Dial or Originate of {@code Local/agent1@agents}).
     */
    void deviceChanged(SimChannel changed) {
        String iface = interfaceOf(changed);
        for (List<QueueMember> list : members.values()) {
            for (QueueMember m : list) {
                if (!m.iface.equals(iface)) {
                    continue;
                }
                boolean inUse = calls.all().stream()
                        .anyMatch(c -> c.alive && c.state == SimChannel.UP && interfaceOf(c).equals(iface));
                int status = inUse ? QueueMember.INUSE : QueueMember.NOT_INUSE;
                if (status != m.deviceStatus) {
                    m.deviceStatus = status;
                    calls.emit(m.headers(calls.events.event("QueueMemberStatus", "agent,all")).build());
                    if (!inUse && !m.paused) {
                        calls.deviceStates().publish("Queue:" + m.queue + "_avail", "NOT_INUSE");
                    }
                    if (!inUse) {
                        calls.after(Duration.ZERO, () -> offer(m.queue));
                    }
                }
            }
        }
    }

    private static String interfaceOf(SimChannel c) {
        return DeviceStates.deviceOf(c);
    }

    /** AgentCalled, written just before the DialBegin of the member's channel. */
    void agentCalled(DialAttempt attempt) {
        QueueEntry entry = entries.get(attempt.caller());
        entry.agent = attempt.dest();
        entries.put(entry.agent, entry);
        calls.emit(agentEvent("AgentCalled", entry).build());
    }

    /** The member answered: caller leaves the queue and is bridged to the member's channel. */
    void connect(DialAttempt attempt, Events.Builder dialEnd) {
        QueueEntry entry = entries.get(attempt.caller());
        SimChannel agent = attempt.dest();
        SimChannel caller = entry.caller;
        caller.dialling = null;
        calls.emit("Newexten", agent, "Extension", agent.exten, "Application", "AppQueue", "AppData",
                "(Outgoing Line)");
        agent.connectedNum = caller.callerNum;
        agent.connectedName = caller.callerName;
        calls.emit("NewConnectedLine", agent);
        calls.emit(dialEnd.add("DialStatus", "ANSWER").build());
        calls.stopMusic(caller);
        leave(entry);
        entry.connected = calls.events.now();
        entry.member.inCall = true;
        calls.emit(agentEvent("AgentConnect", entry).add("HoldTime", seconds(entry.joined, entry.connected))
                .add("RingTime", seconds(entry.ringStarted, entry.connected)).build());
        calls.bridges().bridge(agent, caller, true);
    }

    /** Ringing the member failed (busy, no answer): the caller waits on and the queue retries. */
    void ringFailed(DialAttempt attempt) {
        QueueEntry entry = entries.get(attempt.caller());
        if (entry == null) {
            return;
        }
        entries.remove(attempt.dest());
        entry.member.busyWith = null;
        entry.member = null;
        entry.agent = null;
        entry.retry = calls.after(RETRY, () -> offer(entry.queue));
    }

    /**
     * {@code c} hangs up. A waiting caller abandons (QueueCallerAbandon, QueueCallerLeave); a connected
     * caller or member completes the call (AgentComplete with Reason caller or agent).
     */
    void hangingUp(SimChannel c) {
        QueueEntry entry = entries.remove(c);
        if (entry == null) {
            return;
        }
        entries.remove(entry.caller);
        if (entry.agent != null) {
            entries.remove(entry.agent);
        }
        if (entry.retry != null) {
            entry.retry.cancel();
        }
        Instant now = calls.events.now();
        if (entry.connected == null) {
            int position = waiting(entry.queue).indexOf(entry) + 1;
            calls.emit("QueueCallerAbandon", entry.caller, "Queue", entry.queue, "Position",
                    Integer.toString(position), "OriginalPosition", Integer.toString(entry.originalPosition),
                    "HoldTime", seconds(entry.joined, now));
            leave(entry);
            counts(entry.queue)[1]++;
        } else {
            counts(entry.queue)[0]++;
            entry.member.inCall = false;
            entry.member.callsTaken++;
            entry.member.lastCall = now.getEpochSecond();
            calls.emit(agentEvent("AgentComplete", entry).add("HoldTime", seconds(entry.joined, entry.connected))
                    .add("TalkTime", seconds(entry.connected, now))
                    .add("Reason", c == entry.caller ? "caller" : "agent").build());
        }
        if (entry.member != null) {
            entry.member.busyWith = null;
        }
        calls.after(Duration.ZERO, () -> offer(entry.queue));
    }

    private void leave(QueueEntry entry) {
        List<QueueEntry> line = waiting(entry.queue);
        int position = line.indexOf(entry) + 1;
        line.remove(entry);
        calls.emit("QueueCallerLeave", entry.caller, "Queue", entry.queue, "Position", Integer.toString(position),
                "Count", Integer.toString(line.size()));
        if (line.isEmpty()) {
            calls.deviceStates().publish("Queue:" + entry.queue, "NOT_INUSE");
        }
    }

    /** QueuePause: pauses or unpauses the member in one queue (or all), QueueMemberPause for each. */
    boolean pause(String iface, String queue, boolean paused, String reason) {
        boolean found = false;
        for (List<QueueMember> list : members.values()) {
            for (QueueMember m : list) {
                if (m.iface.equals(iface) && (queue == null || m.queue.equals(queue))) {
                    found = true;
                    m.paused = paused;
                    m.pausedReason = paused ? reason : "";
                    if (paused) {
                        m.lastPause = calls.events.now().getEpochSecond();
                    }
                    calls.emit(m.headers(calls.events.event("QueueMemberPause", "agent,all")).build());
                    calls.deviceStates().publish("Queue:" + m.queue + "_pause_" + m.iface, paused ? "INUSE" : "NOT_INUSE");
                    if (!paused && m.available()) {
                        calls.deviceStates().publish("Queue:" + m.queue + "_avail", "NOT_INUSE");
                    }
                    if (!paused) {
                        offer(m.queue);
                    }
                }
            }
        }
        return found;
    }

    private Events.Builder agentEvent(String name, QueueEntry entry) {
        return calls.events.channel(name, "agent,all", entry.caller).channel("Dest", entry.agent)
                .add("Queue", entry.queue).add("Interface", entry.member.iface).add("MemberName", entry.member.name);
    }

    private static String seconds(Instant from, Instant to) {
        return Long.toString(Duration.between(from, to).toSeconds());
    }
}
