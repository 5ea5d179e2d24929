package io.switchboard.sim.asterisk;

import java.util.HashMap;
import java.util.Map;

/** One simulated channel. Confined to the engine thread. */
final class SimChannel {

    /** Asterisk channel states as numbers and the descriptions AMI prints. */
    static final int DOWN = 0;
    static final int RING = 4;
    static final int RINGING = 5;
    static final int UP = 6;
    static final int BUSY = 7;

    final String name;
    final String uniqueid;
    String linkedid;
    int state;
    String callerNum = "<unknown>";
    String callerName = "<unknown>";
    String connectedNum = "<unknown>";
    String connectedName = "<unknown>";
    String context;
    String exten;
    int priority = 1;
    String dnid = "";
    final Map<String, String> variables = new HashMap<>();

    /** The other half of a Local pair, or null. */
    SimChannel partner;
    /** True for the {@code ;1} half of a Local pair. */
    boolean localOne;
    /** The bridge this channel is in, or null. */
    SimBridge bridge;
    /** The dial attempt this channel is the callee of, while it rings. */
    DialAttempt dialledBy;
    /** The dial attempt this channel waits on as the caller (in Dial()). */
    DialAttempt dialling;
    /** Music on hold class while MusicOnHold runs, else null. */
    String mohClass;
    /** What the caller has been played, in order: sound names, and {@code #<n>} for a number said. */
    final java.util.List<String> played = new java.util.ArrayList<>();
    /** A timer of the running application (Wait, ring timeout), cancelled on hangup or redirect. */
    VirtualScheduler.Timer timer;
    /** True while the channel runs dialplan (false while parked in an application that waits). */
    boolean alive = true;
    /** Incremented on every redirect so stale continuations do nothing. */
    int generation;
    /** The application the channel runs now and its data (from its last Newexten), as Status shows them. */
    String application = "";
    String applicationData = "";
    /** What AMD() decides on this channel; Local channels carry no audio (Quirk 25). */
    AmdOutcome amd = AmdOutcome.NOTSURE;
    /** The keys the phone behind this channel presses at prompts that read one ({@code Read}), in order. */
    String keys = "";
    /** True for an originated channel that runs an Application instead of dialplan. */
    boolean applicationOnly;
    /**
     * A caller-id update from the other half of a Local pair that this channel only reports after its
     * Hangup (08b: the partner's connected line changed in an AMI Bridge).
     */
    boolean callerIdAfterHangup;
    /** For an inbound caller: the far end sends BYE this long after the answer; null if it does not. */
    java.time.Duration byeAfterAnswer;
    /** When the channel was first answered (state Up), or null: only answered channels post a CDR. */
    java.time.Instant answeredAt;
    /** True for the answered callee of Dial()/Queue(): its CDR is the caller's ({@link Cdrs}). */
    boolean dialledCallee;
    /** Dispositions of this channel's Dial() attempts that failed (NO ANSWER, BUSY), each a CDR. */
    final java.util.List<String> failedDials = new java.util.ArrayList<>();
    /** The last channel it was bridged with, the CDR's DestinationChannel. */
    String cdrPeer = "";
    /** When the channel was created, for CoreShowChannel {@code Duration} and Status {@code Seconds}. */
    java.time.Instant created = java.time.Instant.EPOCH;

    SimChannel(String name, String uniqueid, String linkedid, int state, String context, String exten) {
        this.name = name;
        this.uniqueid = uniqueid;
        this.linkedid = linkedid;
        this.state = state;
        this.context = context;
        this.exten = exten;
    }

    static String stateDesc(int state) {
        return switch (state) {
            case DOWN -> "Down";
            case RING -> "Ring";
            case RINGING -> "Ringing";
            case UP -> "Up";
            case BUSY -> "Busy";
            default -> "Unknown";
        };
    }

    boolean isLocal() {
        return partner != null;
    }

    void cancelTimer() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }

    @Override
    public String toString() {
        return name + "(" + uniqueid + ")";
    }
}
