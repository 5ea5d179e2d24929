package io.switchboard.sim.asterisk;

import java.util.HashSet;
import java.util.Set;

/**
 * DeviceStateChange events as the fixtures show them. Local and chan_sip channels publish their
 * device ({@code Local/agent1@agents}, {@code SIP/127.0.0.1:5062}) on every Newstate and Hangup, even
 * when the state did not change (they are not cached); ConfBridge publishes {@code confbridge:<name>}
 * and, when it ends, its announcer {@code CBAnn/<name>}; app_queue publishes {@code Queue:<q>}
 * (callers waiting), {@code Queue:<q>_avail} (a member became available) and
 * {@code Queue:<q>_pause_<interface>}. A registered phone (a configured phone named by peer name, {@code SIP/2001},
 * {@code PJSIP/1001}, or a desk phone that placed a call) reports its real state over all its channels
 * (chan_sip with {@code callcounter=yes}; PJSIP always). Real Asterisk publishes them through a taskprocessor, so
 * where they fall among other events varies; the count per moment is what the fixtures agree on.
 */
final class DeviceStates {

    private final Calls calls;
    private final Set<String> registered = new HashSet<>();

    /** @param phones the configured phones by dial string: those named by peer name are registered */
    DeviceStates(Calls calls, Set<String> phones) {
        this.calls = calls;
        phones.stream().filter(DeviceStates::isPeerName).forEach(registered::add);
    }

    /** A desk phone placed a call: it is registered (as a peer or endpoint, not an address). */
    void register(String device) {
        if (isPeerName(device)) {
            registered.add(device);
        }
    }

    /** {@code c} changed state or hung up. */
    void channelChanged(SimChannel c) {
        String device = deviceOf(c);
        String state;
        if (registered.contains(device)) {
            state = phoneState(device);
        } else if (device.startsWith("SIP/")) {
            state = "INVALID";
        } else if (!c.alive) {
            state = calls.dialplan.find(c.context, c.exten).isPresent() || c.localOne ? "NOT_INUSE" : "INVALID";
        } else {
            state = c.state == SimChannel.BUSY || c.state == SimChannel.DOWN ? "NOT_INUSE" : "INUSE";
        }
        publish(device, state);
    }

    /**
     * A registered phone's state over all its live channels, as chan_sip with {@code callcounter=yes} and PJSIP
     * report it: in use while one is up, placing a call or being dialled, ringing while one rings and none is in
     * use, free when none is left.
     */
    private String phoneState(String device) {
        boolean ringing = false;
        for (SimChannel other : calls.all()) {
            if (other.alive && deviceOf(other).equals(device)) {
                if (other.state != SimChannel.RINGING) {
                    return "INUSE";
                }
                ringing = true;
            }
        }
        return ringing ? "RINGING" : "NOT_INUSE";
    }

    /** {@code SIP/2001}, {@code PJSIP/1001}: a peer or endpoint name, not an address or a number at a trunk. */
    private static boolean isPeerName(String device) {
        int slash = device.indexOf('/');
        String name = device.substring(slash + 1);
        return slash > 0 && (device.startsWith("SIP/") || device.startsWith("PJSIP/")) && !name.isEmpty()
                && name.chars().noneMatch(ch -> ch == '@' || ch == ':' || ch == '.');
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
