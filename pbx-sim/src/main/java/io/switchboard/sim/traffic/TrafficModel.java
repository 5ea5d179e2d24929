package io.switchboard.sim.traffic;

import io.switchboard.sim.PbxFlavor;
import io.switchboard.sim.SimulatedPbx;
import io.switchboard.sim.asterisk.SimWorld;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.random.RandomGeneratorFactory;

/**
 * Seeded traffic for a simulated PBX (Asterisk or FreeSWITCH, {@link PbxFlavor}). A run happens on the simulator's engine thread and
 * virtual clock: inbound callers arrive per DID as Poisson processes, wait on hold and abandon
 * after an exponential patience unless connected; dialled agent phones answer with a probability
 * after a ring delay; connected customers hang up after a talk time; dialled customers are live,
 * busy, do not answer, or are machines per the outbound mix. Every draw comes from one
 * {@code L64X128MixRandom} generator seeded with {@code seed}, in the engine's deterministic
 * order, so without outside AMI actions the same seed replays the same run.
 */
public final class TrafficModel {

    private final TrafficProfile profile;
    private final long seed;

    /** A model with these rates and this seed. */
    public TrafficModel(TrafficProfile profile, long seed) {
        this.profile = Objects.requireNonNull(profile, "profile");
        this.seed = seed;
    }

    /** The seed of every run of this model. */
    public long seed() {
        return seed;
    }

    /**
     * Starts a run on {@code simulator}, either PBX; completes when no more arrivals are due within
     * {@code bound} and every call of the run has ended.
     */
    public CompletionStage<TrafficReport> run(SimulatedPbx simulator, TrafficBound bound) {
        Objects.requireNonNull(bound, "bound");
        CompletableFuture<TrafficReport> finished = new CompletableFuture<>();
        simulator.drive(world -> start(world, bound).whenComplete((report, failure) -> finished.complete(report)));
        return finished;
    }

    /** Starts a run from the engine thread (inside {@link SimulatedPbx#drive}); as {@link #run}. */
    public CompletionStage<TrafficReport> start(SimWorld world, TrafficBound bound) {
        Objects.requireNonNull(bound, "bound");
        CompletableFuture<TrafficReport> finished = new CompletableFuture<>();
        Draws draws = new Draws(RandomGeneratorFactory.of("L64X128MixRandom").create(seed));
        new TrafficRun(profile, draws, world, bound, finished).start();
        return finished;
    }
}
