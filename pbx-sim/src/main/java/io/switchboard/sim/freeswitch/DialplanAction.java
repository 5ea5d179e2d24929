package io.switchboard.sim.freeswitch;

import java.util.Objects;

/**
 * One {@code <action application="..." data="..."/>} of a dialplan extension.
 *
 * @param application the application: answer, set, playback, park, hangup
 * @param data its argument, empty if none
 */
public record DialplanAction(String application, String data) {

    /** Rejects nulls. */
    public DialplanAction {
        Objects.requireNonNull(application, "application");
        Objects.requireNonNull(data, "data");
    }
}
