package io.switchboard.sim.asterisk;

/**
 * DeviceStateChange events as the fixtures show them. Local and chan_sip channels publish their
 * device ({@code Local/agent1@agents}, {@code SIP/127.0.0.1:5062}) on every Newstate and Hangup, even
 * when the state did not change (they are not cached); ConfBridge publishes {@code confbridge:<name>}
 * and, when it ends, its announcer {@code CBAnn/<name>}; app_queue publishes {@code Queue:<q>}
 * (callers waiting), {@code Queue:<q>_avail} (a member became available) and
 * {@code Queue:<q>_pause_<interface>}. Real Asterisk publishes them through a taskprocessor, so
 * where they fall among other events varies; the count per moment is what the fixtures agree on.
 */
final class DeviceStates {

    private final Calls calls;

    DeviceStates(Calls calls) {
        this.calls = calls;
    }

    /** {@code c} changed state or hung up. */
    void channelChanged(SimChannel c) {
        String device = deviceOf(c);
        String state;
        if (device.startsWith("SIP/")) {
            state = "INVALID";
        } else if (!c.alive) {
            state = calls.dialplan.find(c.context, c.exten).isPresent() || c.localOne ? "NOT_INUSE" : "INVALID";
        } else {
            state = c.state == SimChannel.BUSY || c.state == SimChannel.DOWN ? "NOT_INUSE" : "INUSE";
        }
        publish(device, state);
    }

    void publish(String device, String state) {
        calls.emit(calls.events.event("DeviceStateChange", "call,all").add("Device", device).add("State", state)
                .build());
    }

    /** {@code Local/agent1@agents-00000001;2} → {@code Local/agent1@agents}; {@code SIP/x-00000000} → {@code SIP/x}. */
    static String deviceOf(SimChannel c) {
        int dash = c.name.lastIndexOf('-');
        return dash < 0 ? c.name : c.name.substring(0, dash);
    }
}
