package io.switchboard.sim.traffic;

import java.time.Duration;
import java.util.random.RandomGenerator;

/** The random draws of a run, all from one seeded generator in engine order. */
final class Draws {

    private final RandomGenerator random;

    Draws(RandomGenerator random) {
        this.random = random;
    }

    Duration exponential(Duration mean) {
        return Duration.ofNanos((long) (random.nextExponential() * mean.toNanos()));
    }

    /** Time to the next Poisson arrival at {@code perMinute}. */
    Duration interArrival(double perMinute) {
        return Duration.ofNanos((long) (random.nextExponential() * 60e9 / perMinute));
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    double uniform() {
        return random.nextDouble();
    }

    Duration talk(TalkTime talkTime) {
        if (talkTime instanceof TalkTime.Exponential e) {
            return exponential(e.mean());
        }
        TalkTime.LogNormal l = (TalkTime.LogNormal) talkTime;
        double factor = Math.exp(l.sigma() * random.nextGaussian());
        return Duration.ofNanos((long) (l.median().toNanos() * factor));
    }

    String callerNumber() {
        return "555" + String.format("%07d", random.nextInt(10_000_000));
    }
}
