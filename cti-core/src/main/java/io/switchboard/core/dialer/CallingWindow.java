package io.switchboard.core.dialer;

import io.switchboard.core.Require;

import java.time.LocalTime;

/**
 * The hours, in the customer's local time, during which a campaign may call.
 *
 * @param opens  the first moment calls may be placed
 * @param closes the moment calls must stop; after {@code opens}
 */
public record CallingWindow(LocalTime opens, LocalTime closes) {

    /** 08:00 to 21:00, the window most consumer-calling rules allow. */
    public static final CallingWindow DEFAULT = new CallingWindow(LocalTime.of(8, 0), LocalTime.of(21, 0));

    public CallingWindow {
        Require.nonNull(opens, "opens");
        Require.nonNull(closes, "closes");
        if (!opens.isBefore(closes)) {
            throw new IllegalArgumentException("closes must be after opens, was " + opens + "-" + closes);
        }
    }

    /** Whether a call may be placed at {@code localTime} (opens inclusive, closes exclusive). */
    public boolean allows(LocalTime localTime) {
        return !localTime.isBefore(opens) && localTime.isBefore(closes);
    }
}
