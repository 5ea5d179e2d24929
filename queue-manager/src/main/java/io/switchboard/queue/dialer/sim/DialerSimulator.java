package io.switchboard.queue.dialer.sim;

import io.switchboard.core.Require;
import io.switchboard.queue.dialer.pacing.LiveFigures;
import io.switchboard.queue.dialer.pacing.Pacer;
import io.switchboard.queue.dialer.pacing.Pacers;
import io.switchboard.queue.dialer.pacing.PredictivePacer;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.LongStream;

/**
 * A discrete-event simulator of a campaign's shift, deterministic by seed (no wall clock: simulated time, a
 * {@link java.util.SplittableRandom} per seed), that runs the very pacer and figures the dialer runs: a fresh
 * {@link LiveFigures} and {@link PredictivePacer} per shift, fed the shift's outcomes as they happen, or the
 * progressive baseline. docs/dialer.md ("Dialer simulator") describes the model.
 */
public final class DialerSimulator {

    /** When every simulated shift starts (a Monday, 08:00 UTC); only the day boundary depends on it. */
    public static final Instant SHIFT_START = Instant.parse("2026-01-05T08:00:00Z");

    /** How the simulated campaign is paced. */
    public enum Mode {
        /** {@link PredictivePacer} over {@link LiveFigures} learnt during the shift. */
        PREDICTIVE,
        /** {@link Pacers#progressive()}: one call per free agent, the baseline. */
        PROGRESSIVE
    }

    private final SimParameters parameters;

    public DialerSimulator(SimParameters parameters) {
        this.parameters = Require.nonNull(parameters, "parameters");
    }

    /** One shift with the seed given; the same seed gives the same result. */
    public ShiftResult shift(Mode mode, long seed) {
        SimClock clock = new SimClock(SHIFT_START);
        LiveFigures figures = new LiveFigures(clock, ZoneOffset.UTC);
        Pacer pacer = switch (mode) {
            case PREDICTIVE -> new PredictivePacer(figures, parameters.abandonTargetPercent(),
                    parameters.abandonCapPercent());
            case PROGRESSIVE -> Pacers.progressive();
        };
        return new Shift(parameters, seed, clock, pacer, figures).run();
    }

    /**
     * Shifts for seeds {@code 1..seeds}, on up to {@code threads} threads (each shift is independent and
     * deterministic, so the summary does not depend on the threads).
     */
    public SimSummary shifts(Mode mode, int seeds, int threads) {
        Require.atLeast(seeds, 1, "seeds");
        Require.atLeast(threads, 1, "threads");
        LongStream range = LongStream.rangeClosed(1, seeds);
        List<ShiftResult> results;
        if (threads == 1) {
            results = range.mapToObj(seed -> shift(mode, seed)).toList();
        } else {
            ForkJoinPool pool = new ForkJoinPool(threads);
            try {
                results = pool.submit(() -> range.parallel().mapToObj(seed -> shift(mode, seed)).toList()).join();
            } finally {
                pool.shutdown();
            }
        }
        return new SimSummary(results);
    }
}
