package io.switchboard.server.kpi;

import static io.switchboard.server.persistence.jooq.Tables.QUEUES;

import io.switchboard.core.id.QueueId;
import io.switchboard.core.port.AgentStateStore;
import io.switchboard.queue.kpi.KpiEngine;
import io.switchboard.queue.kpi.KpiSettings;
import io.switchboard.queue.routing.RoutingJournal;
import io.switchboard.server.persistence.Database;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's live KPIs, wired: taps on the routing journal and the agent state store feed a {@link LiveKpis};
 * {@link KpiStream} pushes its changes; at the end of every 15-minute interval the closed intervals go to
 * {@link JooqKpiIntervals}. Each queue's service level threshold and target are its
 * {@code queues.service_level_seconds} and {@code service_level_target_percent}, read at start and again every
 * {@link #QUEUES_FRESH} (a small query), so a queue created or changed through any node is judged by its own
 * settings within seconds. Besides that timer, the interval timer fires four times an hour.
 */
public final class Kpis {

  private static final Logger LOG = LoggerFactory.getLogger(Kpis.class);
  private static final Duration AFTER_INTERVAL_END = Duration.ofSeconds(1);
  /** How often the queues' thresholds and targets are read again. */
  static final Duration QUEUES_FRESH = Duration.ofSeconds(5);

  private final Vertx vertx;
  private final LiveKpis live;
  private final KpiStream stream;
  private final Optional<JooqKpiIntervals> history;
  private volatile long timer = -1;
  private volatile long queuesTimer = -1;
  private volatile boolean closed;

  private Kpis(Vertx vertx, LiveKpis live, KpiStream stream, Optional<JooqKpiIntervals> history) {
    this.vertx = vertx;
    this.live = live;
    this.stream = stream;
    this.history = history;
  }

  /** Starts counting with {@code settings}; history goes to {@code database}. */
  public static Kpis start(Vertx vertx, Database database, KpiSettings settings, Clock clock) {
    Context context = vertx.getOrCreateContext();
    LiveKpis live = new LiveKpis(new KpiEngine(settings, clock));
    Kpis kpis = new Kpis(vertx, live, new KpiStream(vertx, context, live, KpiStream.GAP),
        Optional.of(new JooqKpiIntervals(JooqKpiIntervals.Transactions.on(database), vertx, context, clock,
            Duration.ofSeconds(5), Duration.ofMinutes(5))));
    kpis.scheduleHistory();
    readQueues(database, live);
    kpis.queuesTimer = vertx.setPeriodic(QUEUES_FRESH.toMillis(), id -> readQueues(database, live));
    return kpis;
  }

  private static void readQueues(Database database, LiveKpis live) {
    database.query(dsl -> dsl.select(QUEUES.ID, QUEUES.SERVICE_LEVEL_SECONDS, QUEUES.SERVICE_LEVEL_TARGET_PERCENT)
            .from(QUEUES).fetch())
        .onSuccess(queues -> queues.forEach(q -> live.judge(QueueId.of(q.value1()), Duration.ofSeconds(q.value2()),
            q.value3() / 100.0)))
        .onFailure(failure -> LOG.warn("event=kpi-thresholds-not-read reason={}", failure.toString()));
  }

  /** Live KPIs and their stream without history, for a node without a database and for tests. */
  public static Kpis withoutHistory(Vertx vertx, KpiEngine engine) {
    return withoutHistory(vertx, engine, StreamClock.of(vertx));
  }

  /** The same, with the stream's throttle timed by {@code streamClock} (a test's fake clock). */
  public static Kpis withoutHistory(Vertx vertx, KpiEngine engine, StreamClock streamClock) {
    LiveKpis live = new LiveKpis(engine);
    Kpis kpis = new Kpis(vertx, live, new KpiStream(streamClock, vertx.getOrCreateContext(), live, KpiStream.GAP),
        Optional.empty());
    kpis.scheduleHistory();
    return kpis;
  }

  /** {@code journal}, with every entry counted first. */
  public RoutingJournal tap(RoutingJournal journal) {
    return new KpiJournal(journal, live);
  }

  /** {@code states}, with every status stored through it counted. */
  public AgentStateStore tap(AgentStateStore states) {
    return new KpiAgentStates(states, live);
  }

  public LiveKpis live() {
    return live;
  }

  public KpiStream stream() {
    return stream;
  }

  /** Stops the timers; rows still waiting stay unwritten. */
  public void close() {
    closed = true;
    vertx.cancelTimer(timer);
    vertx.cancelTimer(queuesTimer);
  }

  private void scheduleHistory() {
    long wait = live.untilIntervalEnds().plus(AFTER_INTERVAL_END).toMillis();
    timer = vertx.setTimer(wait, id -> {
      history.ifPresent(rows -> rows.save(live.closedIntervals()));
      if (!closed) {
        scheduleHistory();
      }
    });
  }
}
