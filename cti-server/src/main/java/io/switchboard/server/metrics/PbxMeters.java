package io.switchboard.server.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.ami.connection.AmiConnectionState;
import io.switchboard.esl.connection.EslConnectionState;
import io.switchboard.server.pbx.PbxConnections;
import java.util.List;
import java.util.function.Predicate;

/**
 * Each configured PBX's session on this node as two gauges, tagged {@code pbx}: {@code switchboard_pbx_connected}
 * (1 while its AMI or ESL session is logged in) and {@code switchboard_pbx_owned} (1 while this node owns the PBX
 * and its lease runs, docs/cluster.md). Both read volatile state, so a scrape never waits.
 */
public final class PbxMeters {

  private PbxMeters() {
  }

  /** Gauges on {@code registry} for every PBX {@code pbx} names; {@code acting} is the ownership's. */
  public static void register(MeterRegistry registry, PbxConnections pbx, Predicate<String> acting) {
    register(registry, pbx.names(), name -> loggedIn(pbx, name), acting);
  }

  static void register(MeterRegistry registry, List<String> names, Predicate<String> loggedIn,
      Predicate<String> acting) {
    for (String name : names) {
      Gauge.builder("switchboard.pbx.connected", () -> loggedIn.test(name) ? 1 : 0)
          .description("1 while this node's session to the PBX is logged in, else 0")
          .tag("pbx", name)
          .register(registry);
      Gauge.builder("switchboard.pbx.owned", () -> acting.test(name) ? 1 : 0)
          .description("1 while this node owns the PBX and its lease runs, else 0")
          .tag("pbx", name)
          .register(registry);
    }
  }

  private static boolean loggedIn(PbxConnections pbx, String name) {
    return pbx.amiStatus(name).map(s -> s.get().state() == AmiConnectionState.LOGGED_IN)
        .or(() -> pbx.eslStatus(name).map(s -> s.get().state() == EslConnectionState.LOGGED_IN))
        .orElse(false);
  }
}
