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
 * @param eventQueue how many events may wait for one slow client (mod_event_socket's
 *     {@code MAX_QUEUE_LEN}, 100000); beyond it events are lost, and a client that loses more than
 *     {@link #MAX_LOST_EVENTS} is disconnected, as FreeSWITCH kills such a listener
 */
public record FreeswitchConfig(String password, Map<String, Phone> phones, double timeScale, Clock clock,
        FsDialplan dialplan, int eventQueue) {

    /** Lost events after which FreeSWITCH kills a listener (mod_event_socket's {@code MAX_MISSED}). */
    public static final int MAX_LOST_EVENTS = 500;

    /** The event queue of one listener in FreeSWITCH 1.10 ({@code MAX_QUEUE_LEN}). */
    public static final int DEFAULT_EVENT_QUEUE = 100_000;

    /** Ring time of a {@code sofia/} target that has no {@link Phone} configured. */
    public static final long DEFAULT_RING_MILLIS = 1000;

    /** Freezes the phones. */
    public FreeswitchConfig {
        Objects.requireNonNull(password, "password");
        phones = Map.copyOf(phones);
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(dialplan, "dialplan");
        if (eventQueue < 1) {
            throw new IllegalArgumentException("eventQueue must be positive: " + eventQueue);
        }
        if (!(timeScale > 0)) {
            throw new IllegalArgumentException("timeScale must be positive: " + timeScale);
        }
    }

    /**
     * Password {@code password}, no phones configured, real time, Switchboard's glue
     * ({@link FsDialplan#switchboard()}); the capture fixtures' dialplan only when asked for with
     * {@code withDialplan(FsDialplan.fixtures())}.
     */
    public static FreeswitchConfig of(String password) {
        return new FreeswitchConfig(password, Map.of(), 1.0, Clock.systemUTC(), FsDialplan.switchboard(), DEFAULT_EVENT_QUEUE);
    }

    /** A copy with these phones. */
    public FreeswitchConfig withPhones(Map<String, Phone> phones) {
        return new FreeswitchConfig(password, phones, timeScale, clock, dialplan, eventQueue);
    }

    /** A copy paced at {@code timeScale}. */
    public FreeswitchConfig withTimeScale(double timeScale) {
        return new FreeswitchConfig(password, phones, timeScale, clock, dialplan, eventQueue);
    }

    /** A copy routing with {@code dialplan} (e.g. Switchboard's glue mirror). */
    public FreeswitchConfig withDialplan(FsDialplan dialplan) {
        return new FreeswitchConfig(password, phones, timeScale, clock, dialplan, eventQueue);
    }

    /** A copy where one client's queue holds at most {@code events} (to test a consumer that falls behind). */
    public FreeswitchConfig withEventQueue(int events) {
        return new FreeswitchConfig(password, phones, timeScale, clock, dialplan, events);
    }
}
