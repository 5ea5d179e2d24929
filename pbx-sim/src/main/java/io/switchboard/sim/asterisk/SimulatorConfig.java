package io.switchboard.sim.asterisk;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * How the simulated Asterisk is set up.
 *
 * @param users AMI user name to secret, as in {@code manager.conf}
 * @param dialplan the modelled contexts ({@link Dialplan#switchboard} or {@link Dialplan#fixtures})
 * @param phones behaviour of non-Local dial strings (agent devices, customer numbers); unknown ones are unreachable
 * @param timeScale factor applied to every simulated delay (1.0 = real time, 0.01 = 100× faster)
 * @param clock where the engine's virtual clock starts (Timestamps, epoch-based Uniqueids); virtual time then
 *     advances with the scheduled work, paced at {@code timeScale}
 */
public record SimulatorConfig(Map<String, String> users, Dialplan dialplan, Map<String, Phone> phones,
        double timeScale, Clock clock) {

    /** Copies the maps and rejects a non-positive time scale. */
    public SimulatorConfig {
        users = Map.copyOf(users);
        Objects.requireNonNull(dialplan, "dialplan");
        phones = Map.copyOf(phones);
        Objects.requireNonNull(clock, "clock");
        if (!(timeScale > 0)) {
            throw new IllegalArgumentException("timeScale must be > 0");
        }
    }

    /** The shipped glue, one user, real time. */
    public static SimulatorConfig of(String user, String secret) {
        return new SimulatorConfig(Map.of(user, secret), Dialplan.switchboard(GlueContexts.shipped()), Map.of(), 1.0,
                Clock.systemUTC());
    }

    /** A copy with another dialplan. */
    public SimulatorConfig withDialplan(Dialplan other) {
        return new SimulatorConfig(users, other, phones, timeScale, clock);
    }

    /** A copy with these phones. */
    public SimulatorConfig withPhones(Map<String, Phone> other) {
        return new SimulatorConfig(users, dialplan, other, timeScale, clock);
    }

    /** A copy with another time scale. */
    public SimulatorConfig withTimeScale(double other) {
        return new SimulatorConfig(users, dialplan, phones, other, clock);
    }
}
