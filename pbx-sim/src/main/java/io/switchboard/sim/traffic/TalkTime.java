package io.switchboard.sim.traffic;

import java.time.Duration;
import java.util.Objects;

/** How long a connected call lasts before the customer hangs up. */
public sealed interface TalkTime {

    /** Exponentially distributed with this mean. */
    record Exponential(Duration mean) implements TalkTime {
        /** Rejects a null or non-positive mean. */
        public Exponential {
            Objects.requireNonNull(mean, "mean");
            if (mean.isZero() || mean.isNegative()) {
                throw new IllegalArgumentException("mean must be > 0");
            }
        }
    }

    /** Lognormal: the median, and sigma of the underlying normal (0.5 to 1.0 is typical for calls). */
    record LogNormal(Duration median, double sigma) implements TalkTime {
        /** Rejects a null median or a negative sigma. */
        public LogNormal {
            Objects.requireNonNull(median, "median");
            if (sigma < 0) {
                throw new IllegalArgumentException("sigma must be >= 0");
            }
        }
    }
}
