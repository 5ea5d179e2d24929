package io.switchboard.queue.kpi;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One agent's figures over one window, the state they are in now included up to the moment of reading.
 *
 * @param answered          calls the agent answered
 * @param handled           calls whose handling (talk and wrap-up) ended
 * @param averageHandleTime mean talk plus wrap-up of handled calls
 * @param handling          time on a call or in wrap-up
 * @param ready             time available or reserved (being rung)
 * @param loggedIn          time in any state but logged out (paused included)
 * @param occupancy         handling / (handling + ready)
 * @param utilisation       handling / loggedIn
 */
public record AgentFigures(long answered, long handled, Optional<Duration> averageHandleTime, Duration handling,
                           Duration ready, Duration loggedIn, OptionalDouble occupancy, OptionalDouble utilisation) {

    static AgentFigures of(Counts c) {
        return new AgentFigures(c.answered, c.handled, QueueFigures.mean(c.handleMillis, c.handled),
                Duration.ofMillis(c.handlingMillis), Duration.ofMillis(c.readyMillis),
                Duration.ofMillis(c.loggedInMillis),
                QueueFigures.ratio(c.handlingMillis, c.handlingMillis + c.readyMillis),
                QueueFigures.ratio(c.handlingMillis, c.loggedInMillis));
    }
}
