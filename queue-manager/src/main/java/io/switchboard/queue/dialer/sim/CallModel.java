package io.switchboard.queue.dialer.sim;

import java.util.SplittableRandom;

/**
 * How a simulated call ends, drawn from the shift's random source when it is placed. Ring times (docs/dialer.md,
 * "Dialer simulator"): a person answers after {@value #LIVE_RING_MIN} s plus a gamma(2, {@value #LIVE_RING_SCALE} s)
 * time (mean 7 s, most between 3 and 15 s, as phones are picked up after one to three rings), at most the ring
 * timeout less a second; a machine answers like a person and detection needs {@value #AMD_SECONDS} s more before
 * the call ends; an unanswered call rings the whole timeout.
 */
final class CallModel {

    /** The shortest ring before a person answers, in seconds. */
    static final double LIVE_RING_MIN = 2.0;

    /** The gamma distribution's scale for the rest of a live ring, in seconds (shape 2). */
    static final double LIVE_RING_SCALE = 2.5;

    /** How long answering-machine detection listens before it says machine, in seconds. */
    static final double AMD_SECONDS = 3.0;

    /** How a call ends. */
    enum Ending {
        /** A person answered. */
        LIVE,
        /** A machine answered and was hung up on once detected. */
        MACHINE,
        /** Nobody answered before the ring timeout. */
        UNANSWERED
    }

    /** A drawn call: how it ends and after how many seconds. */
    record Drawn(Ending ending, double seconds) {
    }

    private final SimParameters parameters;

    CallModel(SimParameters parameters) {
        this.parameters = parameters;
    }

    Drawn draw(SplittableRandom random) {
        double u = random.nextDouble();
        if (u < parameters.liveAnswerRate()) {
            return new Drawn(Ending.LIVE, ring(random));
        }
        if (u < parameters.liveAnswerRate() + parameters.machineRate()) {
            return new Drawn(Ending.MACHINE, ring(random) + AMD_SECONDS);
        }
        return new Drawn(Ending.UNANSWERED, parameters.ringTimeoutSeconds());
    }

    /** A talk time, exponential with the parameters' mean. */
    double talk(SplittableRandom random) {
        return -parameters.talkMeanSeconds() * Math.log(1 - random.nextDouble());
    }

    private double ring(SplittableRandom random) {
        double gamma = -LIVE_RING_SCALE * (Math.log(1 - random.nextDouble()) + Math.log(1 - random.nextDouble()));
        return Math.min(parameters.ringTimeoutSeconds() - 1, LIVE_RING_MIN + gamma);
    }
}
