package io.switchboard.sim.freeswitch;

import io.switchboard.sim.asterisk.Phone;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * How a simulated FreeSWITCH behaves.
 *
 * @param password the event socket password ({@code event_socket.conf.xml}, the fixtures use {@code ClueCon})
 * @param phones how each {@code sofia/...} dial target behaves, keyed by the dial string without
 *     {@code {...}} variables, e.g. {@code sofia/internal/agent1@127.0.0.1:15070}; a target not listed
 *     answers after {@link #DEFAULT_RING_MILLIS} ms
 * @param timeScale real seconds per simulated second (0.01 = 100x faster)
 * @param clock where virtual time starts
 * @param dialplan the XML dialplan inbound calls and transfers run
 */
public record FreeswitchConfig(String password, Map<String, Phone> phones, double timeScale, Clock clock,
        FsDialplan dialplan) {

    /** Ring time of a {@code sofia/} target that has no {@link Phone} configured. */
    public static final long DEFAULT_RING_MILLIS = 1000;

    /** Freezes the phones. */
    public FreeswitchConfig {
        Objects.requireNonNull(password, "password");
        phones = Map.copyOf(phones);
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(dialplan, "dialplan");
        if (!(timeScale > 0)) {
            throw new IllegalArgumentException("timeScale must be positive: " + timeScale);
        }
    }

    /** Password {@code password}, no phones configured, real time, the fixtures' dialplan. */
    public static FreeswitchConfig of(String password) {
        return new FreeswitchConfig(password, Map.of(), 1.0, Clock.systemUTC(), FsDialplan.fixtures());
    }

    /** A copy with these phones. */
    public FreeswitchConfig withPhones(Map<String, Phone> phones) {
        return new FreeswitchConfig(password, phones, timeScale, clock, dialplan);
    }

    /** A copy paced at {@code timeScale}. */
    public FreeswitchConfig withTimeScale(double timeScale) {
        return new FreeswitchConfig(password, phones, timeScale, clock, dialplan);
    }

    /** A copy routing with {@code dialplan} (e.g. Switchboard's glue mirror). */
    public FreeswitchConfig withDialplan(FsDialplan dialplan) {
        return new FreeswitchConfig(password, phones, timeScale, clock, dialplan);
    }
}
