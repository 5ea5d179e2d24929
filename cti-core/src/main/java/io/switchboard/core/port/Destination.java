package io.switchboard.core.port;

import io.switchboard.core.Require;
import io.switchboard.core.call.PhoneNumber;

/** Where a transfer sends a call. */
public sealed interface Destination permits Destination.Number, Destination.Device {

    /** An external number, dialled out through the PBX's trunks. */
    record Number(PhoneNumber number) implements Destination {
        public Number {
            Require.nonNull(number, "number");
        }
    }

    /** An internal device or extension, e.g. {@code PJSIP/2001} or {@code user/2001}. */
    record Device(String device) implements Destination {
        public Device {
            Require.nonBlank(device, "device");
        }
    }
}
