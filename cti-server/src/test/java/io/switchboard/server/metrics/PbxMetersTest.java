package io.switchboard.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each PBX's session and ownership on this node, as 1/0 gauges read at scrape time. */
class PbxMetersTest {

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Set<String> loggedIn = new HashSet<>();
  private final Set<String> acting = new HashSet<>();

  @Test
  void connection_and_ownership_follow_the_sessions_and_the_lease_per_pbx() {
    PbxMeters.register(registry, List.of("ast-1", "fs-1"), loggedIn::contains, acting::contains);
    loggedIn.add("ast-1");
    acting.add("ast-1");

    String scrape = registry.scrape();
    assertThat(scrape).contains("switchboard_pbx_connected{pbx=\"ast-1\"} 1")
        .contains("switchboard_pbx_owned{pbx=\"ast-1\"} 1")
        .contains("switchboard_pbx_connected{pbx=\"fs-1\"} 0")
        .contains("switchboard_pbx_owned{pbx=\"fs-1\"} 0");

    acting.remove("ast-1");
    loggedIn.remove("ast-1");
    assertThat(registry.scrape()).contains("switchboard_pbx_connected{pbx=\"ast-1\"} 0")
        .contains("switchboard_pbx_owned{pbx=\"ast-1\"} 0");
  }
}
