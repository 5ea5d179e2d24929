package io.switchboard.sim.freeswitch;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One FreeSWITCH channel (session). Its caller profile and its channel variables are what the
 * channel events print: {@code Caller-*} headers and {@code variable_*} headers in the order the
 * variables were first set (Quirk 16: the set grows over the call). Engine thread only.
 */
final class FsChannel {

    final String uuid;
    final String name;
    /** {@code mod_loopback} for {@code null/}, {@code mod_sofia} for {@code sofia/}. */
    final String source;
    final boolean inbound;
    final long createdMicros;
    final Map<String, String> variables = new LinkedHashMap<>();
    String callUuid;
    String state = "CS_NEW";
    int stateNumber;
    String callState = "DOWN";
    String answerState = "ringing";
    boolean hitDialplan;
    boolean hasCodec;
    String presenceId;
    String hangupCause;

    String username = "";
    String dialplan = "";
    String callerIdName = "";
    String callerIdNumber = "";
    String origCallerIdName = "";
    String origCallerIdNumber = "";
    String calleeIdName = "";
    String calleeIdNumber = "";
    String networkAddr = "";
    String ani = "";
    String destination = "";
    String context = "default";
    /** The destination before the last transfer ({@code Caller-RDNIS}), empty if none. */
    String rdnis = "";
    long answeredMicros;
    long progressMicros;
    long progressMediaMicros;
    long hangupMicros;
    long transferMicros;
    long bridgedMicros;
    long profileCreatedMicros;
    int profileIndex = 1;
    /** Counts dialplan runs, so a transfer stops the actions of the run before it. */
    int dialplanRun;

    FsChannel peer;
    /** Runs after this channel's CHANNEL_HANGUP_COMPLETE, before CHANNEL_DESTROY (mod_callcenter's end events). */
    Runnable afterHangupComplete;
    /** A bridge peer's hangup cause that lands as {@code bridge_hangup_cause} between HANGUP_COMPLETE and DESTROY. */
    String causeBeforeDestroy;
    /** The peer's caller profile as copied when the bridge was made: the {@code Other-Leg-*} headers. */
    FsChannel peerView;
    /** {@code originator} or {@code originatee}, seen from this channel's events. */
    String otherType;
    /** The channel is the first argument of {@code uuid_bridge}: it owns the bridge events (Quirk 13). */
    boolean bridgeOwner;
    boolean parked;
    /** The application running (park, playback, eavesdrop), empty if none. */
    String application = "";
    String applicationData = "";
    String applicationUuid = "";
    /** What the caller has been played, in order: files given to playback, and {@code #<n>} for a number said. */
    final java.util.List<String> played = new java.util.ArrayList<>();
    /** {@code bind_digit_action}s in force on this channel, and the realm that listens ({@link DigitActions}). */
    final java.util.List<DigitActions.Binding> digitBindings = new java.util.ArrayList<>();
    String digitRealm;
    /** Set by {@code uuid_bridge}: {@code Caller-Transfer-Source}. */
    String transferSource = "";
    boolean gone;
    /** The agent leg the glue's {@code bridge} application is ringing for this caller, null if none. */
    FsChannel ringing;
    /** Told the cause right after this channel's CHANNEL_HANGUP (an agent leg ringing for the glue's bridge). */
    java.util.function.Consumer<String> onHangup;
    /**
     * Set while this channel runs the {@code bridge} application with {@code hangup_after_bridge=false}:
     * what its dialplan does when the other leg hangs up (goes on with the next action).
     */
    Runnable afterBridge;

    FsChannel(String uuid, String name, String source, boolean inbound, long createdMicros) {
        this.uuid = uuid;
        this.callUuid = uuid;
        this.name = name;
        this.source = source;
        this.inbound = inbound;
        this.createdMicros = createdMicros;
        this.profileCreatedMicros = createdMicros;
    }

    void state(String newState, int number) {
        state = newState;
        stateNumber = number;
    }

    /** Sets a channel variable; a new name goes last, an existing one keeps its place. */
    void set(String name, String value) {
        variables.put(name, value);
    }

    /** Removes and sets again, so the variable moves last (as FreeSWITCH does for {@code call_uuid}). */
    void reset(String name, String value) {
        variables.remove(name);
        variables.put(name, value);
    }

    /** After answer an outbound leg shows the dialled party as caller and the originator as callee. */
    void flipCallerId() {
        String name = callerIdName;
        String number = callerIdNumber;
        callerIdName = calleeIdName;
        callerIdNumber = calleeIdNumber;
        calleeIdName = name;
        calleeIdNumber = number;
    }

    /** A copy of the caller profile fields (not the variables), frozen for another leg's {@code Other-Leg-*}. */
    FsChannel snapshot() {
        FsChannel copy = new FsChannel(uuid, name, source, inbound, createdMicros);
        copy.username = username;
        copy.dialplan = dialplan;
        copy.callerIdName = callerIdName;
        copy.callerIdNumber = callerIdNumber;
        copy.origCallerIdName = origCallerIdName;
        copy.origCallerIdNumber = origCallerIdNumber;
        copy.calleeIdName = calleeIdName;
        copy.calleeIdNumber = calleeIdNumber;
        copy.networkAddr = networkAddr;
        copy.ani = ani;
        copy.destination = destination;
        copy.context = context;
        copy.answeredMicros = answeredMicros;
        copy.progressMicros = progressMicros;
        copy.progressMediaMicros = progressMediaMicros;
        copy.profileCreatedMicros = profileCreatedMicros;
        return copy;
    }

    boolean answered() {
        return answeredMicros > 0;
    }

    String direction() {
        return inbound ? "inbound" : "outbound";
    }
}
