package io.switchboard.sim.traffic;

import java.time.Duration;

/** When a traffic run stops generating arrivals; it ends once its calls have ended too. */
public sealed interface TrafficBound {

    /** After this many inbound arrivals (over all DIDs). */
    record Calls(int count) implements TrafficBound {
        /** Rejects a negative count. */
        public Calls {
            if (count < 0) {
                throw new IllegalArgumentException("count must be >= 0");
            }
        }
    }

    /** No arrivals after this much virtual time from the start of the run. */
    record For(Duration duration) implements TrafficBound {
    }

    static TrafficBound calls(int count) {
        return new Calls(count);
    }

    static TrafficBound duration(Duration duration) {
        return new For(duration);
    }
}
