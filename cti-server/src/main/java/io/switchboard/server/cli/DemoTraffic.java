package io.switchboard.server.cli;

import io.switchboard.server.config.PbxType;
import io.switchboard.sim.SimulatedPbx;
import io.switchboard.sim.traffic.OutboundMix;
import io.switchboard.sim.traffic.TalkTime;
import io.switchboard.sim.traffic.TrafficBound;
import io.switchboard.sim.traffic.TrafficModel;
import io.switchboard.sim.traffic.TrafficProfile;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's callers and agents' phones: pbx-sim's seeded traffic model with Poisson arrivals shared over the
 * {@link DemoFloor} queues, callers who talk for about 45 s (lognormal) and give up after 90 s on average if no one
 * answers, and agents' phones that always answer after about 3 s (exponential), as auto-answering softphones do.
 * Wrap-up is the queues' own (5 to 10 s). With eight agents that is about eight calls a minute at full occupancy,
 * so the default six keep the queues busy without flooding them.
 */
final class DemoTraffic {

  /** The default arrival rate over all demo queues. */
  static final double DEFAULT_CALLS_PER_MINUTE = 6;
  /** The highest rate the demo accepts: far beyond what its eight agents can take. */
  static final double MAX_CALLS_PER_MINUTE = 600;
  static final Duration MEDIAN_TALK = Duration.ofSeconds(45);
  static final Duration MEAN_PATIENCE = Duration.ofSeconds(90);
  static final Duration MEAN_RING = Duration.ofSeconds(3);

  private static final Logger LOG = LoggerFactory.getLogger(DemoTraffic.class);
  /** Arrivals stop after a year of demo, which no demo lasts. */
  private static final TrafficBound FOREVER = TrafficBound.duration(Duration.ofDays(365));

  private DemoTraffic() {}

  /** The profile of {@code callsPerMinute} inbound calls in all, for agents' phones on {@code pbx}. */
  static TrafficProfile profile(double callsPerMinute, PbxType pbx) {
    Map<String, Double> perQueue = new HashMap<>();
    DemoFloor.QUEUES.forEach(q -> perQueue.put(q.did(), callsPerMinute * q.shareOfCalls()));
    return new TrafficProfile(perQueue, MEAN_PATIENCE, DemoFloor.devicePrefix(pbx), 1.0, MEAN_RING,
        new TalkTime.LogNormal(MEDIAN_TALK, 0.5), OutboundMix.typical());
  }

  /** Starts the traffic on the simulator; it runs until the simulator stops. */
  static void start(SimulatedPbx simulator, double callsPerMinute, PbxType pbx, long seed) {
    LOG.info("event=demo-traffic-started callsPerMinute={} seed={}", callsPerMinute, seed);
    new TrafficModel(profile(callsPerMinute, pbx), seed).run(simulator, FOREVER)
        .whenComplete((report, failure) -> LOG.info("event=demo-traffic-ended report={}", report));
  }
}
