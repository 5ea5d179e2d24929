package io.switchboard.sim.asterisk;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How the simulated Asterisk is set up.
 *
 * @param users AMI user name to secret, as in {@code manager.conf}
 * @param dialplan the modelled contexts ({@link Dialplan#switchboard} or {@link Dialplan#fixtures})
 * @param phones behaviour of non-Local dial strings (agent devices, customer numbers); unknown ones are unreachable
 * @param timeScale factor applied to every simulated delay (1.0 = real time, 0.01 = 100× faster)
 * @param clock where the engine's virtual clock starts (Timestamps, epoch-based Uniqueids); virtual time then
 *     advances with the scheduled work, paced at {@code timeScale}
 * @param excludedEvents per AMI user, the event names its {@code manager.conf} section excludes with
 *     {@code eventfilter(action(exclude),name(X))}; that user's sessions never see them (the fixtures'
 *     {@code cti-filtered} user, 03b and 05b)
 * @param amdLoaded whether {@code app_amd.so} is loaded: {@code IFMODULE(app_amd.so)} is true and
 *     {@code AMD()} runs; false as when fixture 10 was captured (then AMDSTATUS stays empty)
 */
public record SimulatorConfig(Map<String, String> users, Dialplan dialplan, Map<String, Phone> phones,
        double timeScale, Clock clock, Map<String, Set<String>> excludedEvents, boolean amdLoaded) {

    /** Copies the maps and rejects a non-positive time scale. */
    public SimulatorConfig {
        users = Map.copyOf(users);
        Objects.requireNonNull(dialplan, "dialplan");
        phones = Map.copyOf(phones);
        Objects.requireNonNull(clock, "clock");
        Map<String, Set<String>> filters = new HashMap<>();
        excludedEvents.forEach((user, names) -> filters.put(user, Set.copyOf(names)));
        excludedEvents = Map.copyOf(filters);
        if (!(timeScale > 0)) {
            throw new IllegalArgumentException("timeScale must be > 0");
        }
    }

    /** No event filters, {@code app_amd} loaded. */
    public SimulatorConfig(Map<String, String> users, Dialplan dialplan, Map<String, Phone> phones, double timeScale,
            Clock clock) {
        this(users, dialplan, phones, timeScale, clock, Map.of(), true);
    }

    /** The shipped glue, one user, real time. */
    public static SimulatorConfig of(String user, String secret) {
        return new SimulatorConfig(Map.of(user, secret), Dialplan.switchboard(GlueContexts.shipped()), Map.of(), 1.0,
                Clock.systemUTC());
    }

    /** A copy with another dialplan. */
    public SimulatorConfig withDialplan(Dialplan other) {
        return new SimulatorConfig(users, other, phones, timeScale, clock, excludedEvents, amdLoaded);
    }

    /** A copy with these phones. */
    public SimulatorConfig withPhones(Map<String, Phone> other) {
        return new SimulatorConfig(users, dialplan, other, timeScale, clock, excludedEvents, amdLoaded);
    }

    /** A copy with another time scale. */
    public SimulatorConfig withTimeScale(double other) {
        return new SimulatorConfig(users, dialplan, phones, other, clock, excludedEvents, amdLoaded);
    }

    /**
     * A copy with one more AMI user whose sessions never see the named events, as
     * {@code eventfilter(action(exclude),name(X)) =} lines in its {@code manager.conf} section would do.
     */
    public SimulatorConfig withFilteredUser(String user, String secret, Set<String> excludedEventNames) {
        Map<String, String> moreUsers = new HashMap<>(users);
        moreUsers.put(user, secret);
        Map<String, Set<String>> moreFilters = new HashMap<>(excludedEvents);
        moreFilters.put(user, excludedEventNames);
        return new SimulatorConfig(moreUsers, dialplan, phones, timeScale, clock, moreFilters, amdLoaded);
    }

    /** A copy where {@code app_amd.so} is loaded or not ({@code IFMODULE(app_amd.so)}). */
    public SimulatorConfig withAmdLoaded(boolean loaded) {
        return new SimulatorConfig(users, dialplan, phones, timeScale, clock, excludedEvents, loaded);
    }

    /** Whether {@code user}'s sessions receive the event {@code name}. */
    boolean delivers(String user, String name) {
        Set<String> excluded = excludedEvents.get(user);
        return excluded == null || !excluded.contains(name);
    }
}
