package io.switchboard.ami.translate;

import io.switchboard.core.agent.DeviceState;
import io.switchboard.core.event.PbxEvent;
import io.switchboard.core.id.PbxId;
import org.asteriskjava.manager.event.DeviceStateChangeEvent;

import java.time.Instant;
import java.util.List;

/**
 * {@code DeviceStateChange} of a phone ({@code PJSIP/1001}, {@code SIP/1001}): what the PBX says of an agent's
 * device whoever placed the call, so the router stops offering callers to an agent on a call of their own. The
 * device is passed on as Asterisk names it, which is how agents' devices are configured (the dial string without
 * a channel suffix). Devices that are not phones (Local channels, {@code Queue:}, {@code confbridge:},
 * {@code CBAnn/}; the shipped manager filter drops them already) are counted and yield nothing.
 */
final class DeviceStates {

    private final PbxId pbx;
    private final Counters counters;

    DeviceStates(PbxId pbx, Counters counters) {
        this.pbx = pbx;
        this.counters = counters;
    }

    List<PbxEvent> changed(DeviceStateChangeEvent e, Instant at) {
        String device = Headers.value(e.getDevice());
        if (device == null || !isPhone(device)) {
            counters.skipped("DeviceStateChange(not a phone)");
            return List.of();
        }
        return List.of(new PbxEvent.AgentDeviceStateChanged(pbx, at, device, stateOf(Headers.value(e.getState()))));
    }

    /**
     * A device a phone registers as: {@code TECH/name} with a technology of letters and digits, not a Local
     * channel or ConfBridge's announcer ({@code Queue:q_pause_Local/...} has a colon in its "technology").
     */
    static boolean isPhone(String device) {
        int slash = device.indexOf('/');
        if (slash < 1 || slash == device.length() - 1 || device.startsWith("Local/") || device.startsWith("CBAnn/")) {
            return false;
        }
        for (int i = 0; i < slash; i++) {
            if (!Character.isLetterOrDigit(device.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Asterisk's {@code ast_devstate_str} names. {@code INVALID} is a device Asterisk cannot tell the state of
     * (a chan_sip peer dialled by address, one without {@code callcounter=yes}): unknown, not unreachable.
     * {@code RINGINUSE} (a second call ringing on a busy phone) is still a phone in use.
     */
    static DeviceState stateOf(String state) {
        if (state == null) {
            return DeviceState.UNKNOWN;
        }
        return switch (state) {
            case "NOT_INUSE" -> DeviceState.IDLE;
            case "INUSE", "RINGINUSE" -> DeviceState.IN_USE;
            case "BUSY" -> DeviceState.BUSY;
            case "RINGING" -> DeviceState.RINGING;
            case "ONHOLD" -> DeviceState.ON_HOLD;
            case "UNAVAILABLE" -> DeviceState.UNAVAILABLE;
            default -> DeviceState.UNKNOWN;
        };
    }
}
