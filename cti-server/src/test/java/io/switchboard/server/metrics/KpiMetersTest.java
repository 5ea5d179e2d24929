package io.switchboard.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.switchboard.core.agent.AgentState;
import io.switchboard.core.agent.AgentStatus;
import io.switchboard.core.call.Did;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;
import io.switchboard.core.id.PbxId;
import io.switchboard.core.id.QueueId;
import io.switchboard.queue.kpi.AgentKpis;
import io.switchboard.queue.kpi.KpiEngine;
import io.switchboard.queue.kpi.KpiSettings;
import io.switchboard.queue.kpi.QueueKpis;
import io.switchboard.queue.routing.JournalEntry;
import io.switchboard.server.kpi.LiveKpis;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The live KPIs as Prometheus sees them: names, tags and values of the scraped text, on a fake clock. */
class KpiMetersTest {

  private static final Instant NINE = Instant.parse("2026-11-24T09:00:00Z");
  private static final QueueId SUPPORT = QueueId.of("support");
  private static final QueueId SALES = QueueId.of("sales");
  private static final Pattern SAMPLE = Pattern.compile("^([a-z_]+)\\{([^}]*)\\} (\\S+)$", Pattern.MULTILINE);

  private final AtomicReference<Instant> now = new AtomicReference<>(NINE);
  private final AtomicLong nanos = new AtomicLong();
  private final LiveKpis live = new LiveKpis(new KpiEngine(KpiSettings.defaults(), now::get));
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  /** Held here: Micrometer keeps the object its gauges read weakly, as a node's timer holds it. */
  private KpiMeters meters;
  private final Map<AgentId, Long> versions = new TreeMap<>((a, b) -> a.value().compareTo(b.value()));

  KpiMetersTest() {
    registry.config().commonTags("application", "switchboard");
  }

  @Test
  void a_queue_s_figures_now_and_since_midnight_are_scraped_by_queue() {
    enters("c1", SUPPORT, 0);
    enters("c2", SUPPORT, 5);
    enters("c3", SUPPORT, 10);
    enters("c4", SUPPORT, 12);
    agentIs("a1", AgentState.ON_CALL, 10);
    answers("a1", "c1", 10, Duration.ofSeconds(10));
    answers("a2", "c2", 40, Duration.ofSeconds(35));
    abandons("c3", SUPPORT, 40, Duration.ofSeconds(30));
    enters("c5", SUPPORT, 50);
    abandons("c5", SUPPORT, 52, Duration.ofSeconds(2));
    completes("a1", "c1", 70, Duration.ofSeconds(60));
    agentIs("a1", AgentState.WRAP_UP, 70);
    agentIs("a1", AgentState.AVAILABLE, 80);
    now.set(NINE.plusSeconds(80));

    meters = new KpiMeters(registry, figures(), nanos::get);
    Map<String, Double> scraped = scrape();

    String support = "{application=\"switchboard\",queue=\"support\"}";
    assertThat(scraped).containsEntry("switchboard_queue_calls_waiting" + support, 1.0)
        .containsEntry("switchboard_queue_longest_wait_seconds" + support, 68.0)
        .containsEntry("switchboard_queue_calls_offered_total" + support, 5.0)
        .containsEntry("switchboard_queue_calls_answered_total" + support, 2.0)
        .containsEntry("switchboard_queue_calls_answered_in_threshold_total" + support, 1.0)
        .containsEntry("switchboard_queue_calls_abandoned_total" + support, 1.0)
        .containsEntry("switchboard_queue_calls_short_abandoned_total" + support, 1.0)
        .containsEntry("switchboard_queue_calls_handled_total" + support, 1.0)
        .containsEntry("switchboard_queue_answer_speed_average_seconds" + support, 22.5)
        .containsEntry("switchboard_queue_handle_time_average_seconds" + support, 70.0);
    assertThat(scraped.get("switchboard_queue_service_level_ratio" + support)).isCloseTo(1 / 3.0,
        org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void the_counts_since_midnight_go_back_to_zero_at_midnight_as_a_restart_would() {
    now.set(Instant.parse("2026-11-24T23:59:00Z"));
    live.record(new JournalEntry.Entered(CallId.of("late"), SUPPORT, now.get(), PbxId.of("sim"), LegId.of("late"),
        Optional.empty(), Did.of("100"), 1));
    meters = new KpiMeters(registry, figures(), nanos::get);
    String offered = "switchboard_queue_calls_offered_total{application=\"switchboard\",queue=\"support\"}";
    assertThat(scrape()).containsEntry(offered, 1.0);

    now.set(Instant.parse("2026-11-25T00:00:30Z"));
    nanos.addAndGet(KpiMeters.FRESH.toNanos());

    assertThat(scrape()).containsEntry(offered, 0.0)
        .containsEntry("switchboard_queue_calls_waiting{application=\"switchboard\",queue=\"support\"}", 1.0);
  }

  @Test
  void agents_are_counted_by_state_never_one_series_per_agent() {
    agentIs("a1", AgentState.AVAILABLE, 0);
    agentIs("a2", AgentState.AVAILABLE, 0);
    agentIs("a3", AgentState.PAUSED, 0);
    agentIs("a2", AgentState.ON_CALL, 5);

    meters = new KpiMeters(registry, figures(), nanos::get);
    Map<String, Double> scraped = scrape();

    assertThat(scraped).containsEntry("switchboard_agents{application=\"switchboard\",state=\"AVAILABLE\"}", 1.0)
        .containsEntry("switchboard_agents{application=\"switchboard\",state=\"ON_CALL\"}", 1.0)
        .containsEntry("switchboard_agents{application=\"switchboard\",state=\"PAUSED\"}", 1.0)
        .containsEntry("switchboard_agents{application=\"switchboard\",state=\"LOGGED_OUT\"}", 0.0);
    assertThat(scraped.keySet()).noneMatch(series -> series.contains("a1") || series.contains("agent="));
  }

  @Test
  void ratios_and_means_are_nan_until_a_call_counts_for_them() {
    enters("c1", SUPPORT, 0);

    meters = new KpiMeters(registry, figures(), nanos::get);
    Map<String, Double> scraped = scrape();

    String support = "{application=\"switchboard\",queue=\"support\"}";
    assertThat(scraped.get("switchboard_queue_service_level_ratio" + support)).isNaN();
    assertThat(scraped.get("switchboard_queue_answer_speed_average_seconds" + support)).isNaN();
    assertThat(scraped).containsEntry("switchboard_queue_calls_answered_total" + support, 0.0);
  }

  @Test
  void one_snapshot_serves_the_gauges_for_a_second_then_the_figures_are_read_again() {
    enters("c1", SUPPORT, 0);
    meters = new KpiMeters(registry, figures(), nanos::get);
    String waiting = "switchboard_queue_calls_waiting{application=\"switchboard\",queue=\"support\"}";

    enters("c2", SUPPORT, 1);
    nanos.addAndGet(KpiMeters.FRESH.toNanos() - 1);
    assertThat(scrape()).containsEntry(waiting, 1.0);

    nanos.addAndGet(1);
    assertThat(scrape()).containsEntry(waiting, 2.0);
  }

  @Test
  void a_queue_gets_meters_once_counted_and_loses_them_when_the_kpis_forget_it() {
    List<QueueKpis> queues = new ArrayList<>();
    KpiMeters.Figures figures = new KpiMeters.Figures() {
      @Override
      public List<QueueKpis> queues() {
        return List.copyOf(queues);
      }

      @Override
      public List<AgentKpis> agents() {
        return List.of();
      }
    };
    meters = new KpiMeters(registry, figures, nanos::get);
    assertThat(scrape().keySet()).noneMatch(series -> series.contains("queue="));

    enters("c1", SALES, 0);
    enters("c2", SUPPORT, 0);
    queues.addAll(live.queues());
    meters.sync();
    assertThat(scrape()).containsEntry("switchboard_queue_calls_waiting{application=\"switchboard\",queue=\"sales\"}",
        1.0);

    queues.removeIf(q -> q.queue().equals(SALES));
    meters.sync();
    Map<String, Double> scraped = scrape();
    assertThat(scraped.keySet()).noneMatch(series -> series.contains("queue=\"sales\""));
    assertThat(scraped).containsEntry(
        "switchboard_queue_calls_offered_total{application=\"switchboard\",queue=\"support\"}", 1.0);
  }

  private KpiMeters.Figures figures() {
    return new KpiMeters.Figures() {
      @Override
      public List<QueueKpis> queues() {
        return live.queues();
      }

      @Override
      public List<AgentKpis> agents() {
        return live.agents();
      }
    };
  }

  private Map<String, Double> scrape() {
    Map<String, Double> samples = new TreeMap<>();
    Matcher sample = SAMPLE.matcher(registry.scrape());
    while (sample.find()) {
      if (sample.group(1).startsWith("switchboard_")) {
        samples.put(sample.group(1) + "{" + sample.group(2) + "}", Double.parseDouble(sample.group(3)));
      }
    }
    return samples;
  }

  private void enters(String call, QueueId queue, int second) {
    live.record(new JournalEntry.Entered(CallId.of(call), queue, NINE.plusSeconds(second), PbxId.of("sim"),
        LegId.of(call), Optional.empty(), Did.of("100"), 1));
  }

  private void answers(String agent, String call, int second, Duration held) {
    live.record(new JournalEntry.Connected(CallId.of(call), SUPPORT, NINE.plusSeconds(second), AgentId.of(agent),
        LegId.of(call + "-" + agent), held, Duration.ofSeconds(2)));
  }

  private void abandons(String call, QueueId queue, int second, Duration waited) {
    live.record(new JournalEntry.Abandoned(CallId.of(call), queue, NINE.plusSeconds(second), LegId.of(call), 1, 1,
        waited));
  }

  private void completes(String agent, String call, int second, Duration talked) {
    live.record(new JournalEntry.Completed(CallId.of(call), SUPPORT, NINE.plusSeconds(second), AgentId.of(agent),
        LegId.of(call), LegId.of(call + "-" + agent), true, Duration.ZERO, talked, 1));
  }

  private void agentIs(String agent, AgentState state, int second) {
    AgentId id = AgentId.of(agent);
    long version = versions.merge(id, 1L, Long::sum);
    live.stored(id, new AgentStatus(state, Optional.empty(), NINE.plusSeconds(second), version));
  }
}
