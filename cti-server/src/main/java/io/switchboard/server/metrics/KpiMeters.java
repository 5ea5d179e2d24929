package io.switchboard.server.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.core.agent.AgentState;
import io.switchboard.core.id.QueueId;
import io.switchboard.queue.kpi.AgentKpis;
import io.switchboard.queue.kpi.KpiWindow;
import io.switchboard.queue.kpi.QueueFigures;
import io.switchboard.queue.kpi.QueueKpis;
import io.switchboard.server.kpi.LiveKpis;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.ToDoubleFunction;

/**
 * The node's live KPIs as Prometheus meters (docs/kpis.md, "Prometheus meters"): per queue (tag {@code queue})
 * the callers waiting and the longest wait now, the counts since midnight and the service level, speed of answer
 * and handle time since midnight; agents by state (tag {@code state}). Never a meter per agent or per caller.
 *
 * <p>Gauges read one snapshot of the figures, taken at most once per {@link #FRESH} under the KPIs' short lock,
 * so a scrape costs one {@link LiveKpis#queues()} and one {@link LiveKpis#agents()} whatever the number of
 * queues. Which queues have meters is decided by {@link #sync()} (at start and then every {@link #SYNC}, off the
 * scrape): a queue gets its meters once this node has counted a call for it, and loses them when the KPIs no
 * longer know it.
 */
public final class KpiMeters {

  /** How long one snapshot serves the gauges: one scrape reads them all within it. */
  static final Duration FRESH = Duration.ofSeconds(1);
  /** How often the set of queues with meters follows the KPIs. */
  static final Duration SYNC = Duration.ofSeconds(5);

  /** What the meters read: {@link LiveKpis} on a node. */
  public interface Figures {
    List<QueueKpis> queues();

    List<AgentKpis> agents();
  }

  private record Snapshot(long takenNanos, Map<QueueId, QueueKpis> queues, Map<AgentState, Integer> agents) {
  }

  private final MeterRegistry registry;
  private final Figures figures;
  private final LongSupplier nanos;
  private final Map<QueueId, List<Meter>> meters = new ConcurrentHashMap<>();
  private volatile Snapshot snapshot;

  KpiMeters(MeterRegistry registry, Figures figures, LongSupplier nanos) {
    this.registry = registry;
    this.figures = figures;
    this.nanos = nanos;
    this.snapshot = take();
    for (AgentState state : AgentState.values()) {
      Gauge.builder("switchboard.agents", this, m -> m.snapshot().agents().getOrDefault(state, 0))
          .description("Agents this node counts in each state now (statuses this node stored)")
          .tag("state", state.name())
          .register(registry);
    }
    sync();
  }

  /**
   * Meters on {@code registry} for {@code live}, following its queues every {@link #SYNC} on {@code vertx}. The
   * timer keeps the meters' object alive (Micrometer holds the object its gauges read weakly).
   */
  public static KpiMeters start(Vertx vertx, MeterRegistry registry, LiveKpis live) {
    KpiMeters kpiMeters = new KpiMeters(registry, new Figures() {
      @Override
      public List<QueueKpis> queues() {
        return live.queues();
      }

      @Override
      public List<AgentKpis> agents() {
        return live.agents();
      }
    }, System::nanoTime);
    vertx.setPeriodic(SYNC.toMillis(), id -> kpiMeters.sync());
    return kpiMeters;
  }

  /** Gives every queue the KPIs know its meters and removes those of queues they forgot. */
  void sync() {
    Snapshot now = take();
    snapshot = now;
    for (QueueId queue : now.queues().keySet()) {
      meters.computeIfAbsent(queue, this::register);
    }
    for (QueueId gone : Set.copyOf(meters.keySet())) {
      if (!now.queues().containsKey(gone)) {
        meters.remove(gone).forEach(registry::remove);
      }
    }
  }

  private Snapshot snapshot() {
    Snapshot current = snapshot;
    if (nanos.getAsLong() - current.takenNanos() < FRESH.toNanos()) {
      return current;
    }
    synchronized (this) {
      if (snapshot == current) {
        snapshot = take();
      }
      return snapshot;
    }
  }

  private Snapshot take() {
    Map<QueueId, QueueKpis> queues = new HashMap<>();
    figures.queues().forEach(q -> queues.put(q.queue(), q));
    Map<AgentState, Integer> agents = new EnumMap<>(AgentState.class);
    figures.agents().forEach(a -> agents.merge(a.state(), 1, Integer::sum));
    return new Snapshot(nanos.getAsLong(), Map.copyOf(queues), agents);
  }

  private double now(QueueId queue, ToDoubleFunction<QueueKpis> figure) {
    QueueKpis kpis = snapshot().queues().get(queue);
    return kpis == null ? Double.NaN : figure.applyAsDouble(kpis);
  }

  private double today(QueueId queue, ToDoubleFunction<QueueFigures> figure) {
    return now(queue, kpis -> figure.applyAsDouble(kpis.windows().get(KpiWindow.SINCE_MIDNIGHT)));
  }

  private static double seconds(Optional<Duration> mean) {
    return mean.map(d -> d.toMillis() / 1000.0).orElse(Double.NaN);
  }

  private List<Meter> register(QueueId queue) {
    String id = queue.value();
    return List.of(
        Gauge.builder("switchboard.queue.calls.waiting", this, m -> m.now(queue, QueueKpis::waiting))
            .description("Callers waiting in the queue now, on this node")
            .tag("queue", id)
            .register(registry),
        Gauge.builder("switchboard.queue.longest.wait", this,
                m -> m.now(queue, k -> k.longestWait().toMillis() / 1000.0))
            .description("How long the longest-waiting caller has waited now; 0 when nobody waits")
            .baseUnit("seconds")
            .tag("queue", id)
            .register(registry),
        FunctionCounter.builder("switchboard.queue.calls.offered", this, m -> m.today(queue, QueueFigures::offered))
            .description("Calls that entered the queue since midnight; back to 0 at midnight")
            .tag("queue", id)
            .register(registry),
        FunctionCounter.builder("switchboard.queue.calls.answered", this, m -> m.today(queue, QueueFigures::answered))
            .description("Calls an agent answered since midnight; back to 0 at midnight")
            .tag("queue", id)
            .register(registry),
        FunctionCounter.builder("switchboard.queue.calls.answered.in.threshold", this,
                m -> m.today(queue, QueueFigures::answeredWithinThreshold))
            .description("Calls answered within the queue's service level threshold since midnight")
            .tag("queue", id)
            .register(registry),
        FunctionCounter.builder("switchboard.queue.calls.abandoned", this,
                m -> m.today(queue, QueueFigures::abandoned))
            .description("Callers who hung up while waiting, short abandons apart, since midnight")
            .tag("queue", id)
            .register(registry),
        FunctionCounter.builder("switchboard.queue.calls.short.abandoned", this,
                m -> m.today(queue, QueueFigures::shortAbandons))
            .description("Callers who hung up sooner than the short-abandon time since midnight; in no ratio")
            .tag("queue", id)
            .register(registry),
        FunctionCounter.builder("switchboard.queue.calls.handled", this, m -> m.today(queue, QueueFigures::handled))
            .description("Calls whose talk and wrap-up ended since midnight")
            .tag("queue", id)
            .register(registry),
        Gauge.builder("switchboard.queue.service.level", this,
                m -> m.today(queue, f -> f.serviceLevel().orElse(Double.NaN)))
            .description("Answered within threshold / (answered + abandoned) since midnight; NaN before any")
            .baseUnit("ratio")
            .tag("queue", id)
            .register(registry),
        Gauge.builder("switchboard.queue.answer.speed.average", this,
                m -> m.today(queue, f -> seconds(f.averageSpeedOfAnswer())))
            .description("Mean queue wait of the calls answered since midnight; NaN before any")
            .baseUnit("seconds")
            .tag("queue", id)
            .register(registry),
        Gauge.builder("switchboard.queue.handle.time.average", this,
                m -> m.today(queue, f -> seconds(f.averageHandleTime())))
            .description("Mean talk plus wrap-up of the calls handled since midnight; NaN before any")
            .baseUnit("seconds")
            .tag("queue", id)
            .register(registry));
  }
}
