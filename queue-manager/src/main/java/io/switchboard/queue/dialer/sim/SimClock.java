package io.switchboard.queue.dialer.sim;

import java.time.Instant;
import java.time.InstantSource;

/** Simulated time: a clock the simulator moves from event to event. */
final class SimClock implements InstantSource {

    private Instant now;

    SimClock(Instant start) {
        this.now = start;
    }

    void set(Instant instant) {
        now = instant;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
