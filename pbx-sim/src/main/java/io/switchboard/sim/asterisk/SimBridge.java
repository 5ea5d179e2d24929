package io.switchboard.sim.asterisk;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A bridge: a basic two-party bridge made when a dialled channel answers, or a ConfBridge
 * conference (type {@code base}, technology {@code softmix}, creator {@code ConfBridge}, named
 * after the conference). Engine-thread confined.
 */
final class SimBridge {

    final String uniqueid;
    final List<SimChannel> members = new ArrayList<>();
    /** The channel that ran Dial(), which continues its dialplan when the callee leaves; null for conferences. */
    final SimChannel dialCaller;
    /** True for app_queue's bridge of caller and member (Dial's sets DIALSTATUS when it ends). */
    boolean byQueue;
    /** The conference name, or null for a basic bridge. */
    final String conference;
    /** Conference users with {@code marked=yes} and with {@code end_marked=yes}. */
    final Set<SimChannel> marked = new LinkedHashSet<>();
    final Set<SimChannel> endMarked = new LinkedHashSet<>();
    /** Channels in the bridge that AMI never shows (ConfBridge's announcer, Quirk 16). */
    int hidden;
    /** The announcer channel's name ({@code CBAnn/<conference>-N;2}), for BRIDGEPEER. */
    String announcer = "";

    private SimBridge(String uniqueid, SimChannel dialCaller, String conference) {
        this.uniqueid = uniqueid;
        this.dialCaller = dialCaller;
        this.conference = conference;
    }

    static SimBridge basic(String uniqueid, SimChannel dialCaller) {
        return new SimBridge(uniqueid, dialCaller, null);
    }

    static SimBridge conference(String uniqueid, String name) {
        return new SimBridge(uniqueid, null, name);
    }

    boolean isConference() {
        return conference != null;
    }

    int numChannels() {
        return members.size() + hidden;
    }

    /** The bridge headers every Bridge* and Confbridge* event carries, in transcript order. */
    Events.Builder headers(Events.Builder b) {
        return b.add("BridgeUniqueid", uniqueid)
                .add("BridgeType", isConference() ? "base" : "basic")
                .add("BridgeTechnology", isConference() ? "softmix" : "simple_bridge")
                .add("BridgeCreator", isConference() ? "ConfBridge" : "<unknown>")
                .add("BridgeName", isConference() ? conference : "<unknown>")
                .add("BridgeNumChannels", Integer.toString(numChannels()))
                .add("BridgeVideoSourceMode", "none");
    }
}
