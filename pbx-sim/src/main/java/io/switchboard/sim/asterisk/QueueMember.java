package io.switchboard.sim.asterisk;

/**
 * A static member of an app_queue queue ({@code member => Local/agent1@agents,0,Agent One}) and the
 * state QueueMemberStatus, QueueMemberPause and QueueStatus report. Engine-thread confined.
 */
final class QueueMember {

    /**
     * A {@code member => iface,penalty,name} line of {@code queues.conf}.
     *
     * @param queue the queue section
     * @param iface the member's interface, e.g. {@code Local/agent1@agents}
     * @param name the member's name, e.g. {@code Agent One}
     */
    record Config(String queue, String iface, String name) {
    }

    /** Device states as app_queue numbers them (Quirk 23). */
    static final int NOT_INUSE = 1;
    static final int INUSE = 2;

    final String queue;
    final String iface;
    final String name;
    final long loginTime;
    boolean paused;
    String pausedReason = "";
    long lastPause;
    int callsTaken;
    long lastCall;
    /** True while the member talks to a queue caller. */
    boolean inCall;
    /** The member's device state: {@link #INUSE} while a channel of its interface is up (Quirk 23). */
    int deviceStatus = NOT_INUSE;
    /** The queue caller this member is connected to or rung for, or null. */
    SimChannel busyWith;

    QueueMember(String queue, String iface, String name, long loginTime) {
        this.queue = queue;
        this.iface = iface;
        this.name = name;
        this.loginTime = loginTime;
    }

    int status() {
        return deviceStatus;
    }

    /** Free to ring: not paused and, with {@code ringinuse=no}, not in use. */
    boolean available() {
        return !paused && busyWith == null && deviceStatus == NOT_INUSE;
    }

    /** The headers of QueueMemberStatus and QueueMemberPause after the timestamp. */
    Events.Builder headers(Events.Builder b) {
        return b.add("Queue", queue).add("MemberName", name).add("Interface", iface).add("StateInterface", iface)
                .add("Membership", "static").add("Penalty", "0").add("CallsTaken", Integer.toString(callsTaken))
                .add("LastCall", Long.toString(lastCall)).add("LastPause", Long.toString(lastPause))
                .add("LoginTime", Long.toString(loginTime)).add("InCall", inCall ? "1" : "0")
                .add("Status", Integer.toString(status())).add("Paused", paused ? "1" : "0")
                .add("PausedReason", pausedReason).add("Ringinuse", "0").add("Wrapuptime", "0");
    }
}
