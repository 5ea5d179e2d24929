package io.switchboard.sim.asterisk;

import java.util.Objects;

/**
 * An agent's phone that places calls, as a chan_sip peer or PJSIP endpoint.
 *
 * @param device the device as a dial string names it, e.g. {@code SIP/2001} or {@code PJSIP/2001};
 *     the phone's channels are {@code <device>-<n>}
 * @param callerNum the caller number the endpoint sends ({@code CALLERID(num)})
 * @param agent the endpoint's {@code SWITCHBOARD_AGENT} channel variable ({@code pjsip set_var} /
 *     {@code sip setvar}), or empty when the endpoint sets none
 */
public record DeskPhone(String device, String callerNum, String agent) {

    /** Rejects nulls and a device without a technology. */
    public DeskPhone {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(callerNum, "callerNum");
        Objects.requireNonNull(agent, "agent");
        if (device.indexOf('/') < 1) {
            throw new IllegalArgumentException("device must be TECH/name: " + device);
        }
    }

    /** A phone whose caller number is its peer name ({@code SIP/2001} calls from 2001) and sets no agent variable. */
    public static DeskPhone of(String device) {
        return new DeskPhone(device, device.substring(device.indexOf('/') + 1), "");
    }

    String technology() {
        return device.substring(0, device.indexOf('/'));
    }
}
