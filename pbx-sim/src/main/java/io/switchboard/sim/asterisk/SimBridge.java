package io.switchboard.sim.asterisk;

import java.util.ArrayList;
import java.util.List;

/** A basic two-party bridge created when a dialled channel answers. Engine-thread confined. */
final class SimBridge {

    final String uniqueid;
    final List<SimChannel> members = new ArrayList<>();
    /** The channel that ran Dial(), which continues its dialplan when the callee leaves. */
    final SimChannel dialCaller;

    SimBridge(String uniqueid, SimChannel dialCaller) {
        this.uniqueid = uniqueid;
        this.dialCaller = dialCaller;
    }
}
