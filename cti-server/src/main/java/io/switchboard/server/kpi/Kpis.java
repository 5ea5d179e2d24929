package io.switchboard.server.kpi;

import static io.switchboard.server.persistence.jooq.Tables.QUEUES;

import io.switchboard.core.agent.AgentStatus;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.QueueId;
import io.switchboard.core.port.AgentStateStore;
import io.switchboard.queue.kpi.IntervalRow;
import io.switchboard.queue.kpi.KpiEngine;
import io.switchboard.queue.kpi.KpiSettings;
import io.switchboard.queue.routing.HeldCall;
import io.switchboard.queue.routing.JournalEntry;
import io.switchboard.queue.routing.RoutingJournal;
import io.switchboard.server.persistence.Database;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's live KPIs, wired: taps on the routing journal and the agent state store feed a {@link LiveKpis},
 * which in a cluster also counts what the other nodes journal and store ({@link KpiFeed}), so it shows the whole
 * contact center; {@link KpiStream} pushes its changes; at the end of every minute the history writer
 * ({@link HistoryWriter}: one node of the cluster) upserts the intervals closed since and the open one so far to
 * {@link JooqKpiIntervals}. Each queue's service level threshold and target are its
 * {@code queues.service_level_seconds} and {@code service_level_target_percent}, read at start and again every
 * {@link #QUEUES_FRESH} (a small query), so a queue created or changed through any node is judged by its own
 * settings within seconds. Besides that timer, the history timer fires once a minute.
 */
public final class Kpis {

  private static final Logger LOG = LoggerFactory.getLogger(Kpis.class);
  private static final Duration AFTER_MINUTE_END = Duration.ofSeconds(1);
  private static final Duration MINUTE = Duration.ofMinutes(1);
  /** How often the queues' thresholds and targets are read again. */
  static final Duration QUEUES_FRESH = Duration.ofSeconds(5);

  private final Vertx vertx;
  private final LiveKpis live;
  private final KpiStream stream;
  private final Optional<JooqKpiIntervals> history;
  private final Consumer<JournalEntry> journaled;
  private final BiConsumer<AgentId, AgentStatus> stored;
  private final Optional<KpiFeed> feed;
  private final HistoryWriter writer;
  private final Clock clock;
  private volatile long timer = -1;
  private volatile long queuesTimer = -1;
  private volatile boolean closed;

  private Kpis(Vertx vertx, LiveKpis live, KpiStream stream, Optional<JooqKpiIntervals> history,
      Optional<KpiFeed> feed, HistoryWriter writer, Clock clock) {
    this.vertx = vertx;
    this.live = live;
    this.stream = stream;
    this.history = history;
    this.feed = feed;
    this.journaled = feed.<Consumer<JournalEntry>>map(f -> f::journaled).orElse(live::record);
    this.stored = feed.<BiConsumer<AgentId, AgentStatus>>map(f -> f::stored).orElse(live::stored);
    this.writer = writer;
    this.clock = clock;
  }

  /**
   * Starts counting with {@code settings}, this node's calls and, over the clustered event bus, every other
   * node's; the callers already waiting are read once from {@code callsInFlight} ({@link KpiFeed#seed}); history
   * goes to {@code database} when {@code writer} says this node writes it.
   */
  public static Kpis start(Vertx vertx, Database database, KpiSettings settings, Clock clock,
      Function<Instant, HistoryWriter> writer, Supplier<CompletionStage<List<HeldCall>>> callsInFlight) {
    Context context = vertx.getOrCreateContext();
    LiveKpis live = new LiveKpis(new KpiEngine(settings, clock));
    KpiFeed feed = KpiFeed.on(vertx.eventBus(), live);
    context.runOnContext(v -> feed.listen(vertx.eventBus())
        .compose(listening -> Future.fromCompletionStage(callsInFlight.get(), context))
        .onSuccess(feed::seed)
        .onFailure(failure -> {
          LOG.warn("event=kpi-waiting-not-seeded reason={}", failure.toString());
          feed.seed(List.of());
        }));
    Kpis kpis = new Kpis(vertx, live, new KpiStream(vertx, context, live, KpiStream.GAP),
        Optional.of(new JooqKpiIntervals(JooqKpiIntervals.Transactions.on(database), vertx, context, clock,
            Duration.ofSeconds(5), Duration.ofMinutes(5))), Optional.of(feed), writer.apply(clock.instant()), clock);
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
        Optional.empty(), Optional.empty(), HistoryWriter.alone(Instant.EPOCH), Clock.systemUTC());
    kpis.scheduleHistory();
    return kpis;
  }

  /**
   * In a cluster: steps of calls on a PBX this node has been fenced off ({@code fenced}) are neither counted nor sent
   * to the other nodes ({@link KpiFeed#fencedBy}).
   */
  public Kpis fencedBy(Predicate<String> fenced) {
    feed.ifPresent(f -> f.fencedBy(fenced));
    return this;
  }

  /** {@code journal}, with every entry counted first. */
  public RoutingJournal tap(RoutingJournal journal) {
    return new KpiJournal(journal, journaled);
  }

  /** {@code states}, with every status stored through it counted. */
  public AgentStateStore tap(AgentStateStore states) {
    return new KpiAgentStates(states, stored);
  }

  public LiveKpis live() {
    return live;
  }

  public KpiStream stream() {
    return stream;
  }

  /** Stops the timers and the feed from the other nodes; rows still waiting stay unwritten. */
  public void close() {
    closed = true;
    feed.ifPresent(KpiFeed::close);
    vertx.cancelTimer(timer);
    vertx.cancelTimer(queuesTimer);
  }

  private void scheduleHistory() {
    Instant now = clock.instant();
    Instant nextMinute = now.truncatedTo(ChronoUnit.MINUTES).plus(MINUTE);
    long wait = Duration.between(now, nextMinute).plus(AFTER_MINUTE_END).toMillis();
    timer = vertx.setTimer(wait, id -> {
      List<IntervalRow> rows = new ArrayList<>(live.closedIntervals());
      rows.addAll(live.openIntervals());
      history.ifPresent(intervals -> intervals.save(writer.toWrite(rows)));
      if (!closed) {
        scheduleHistory();
      }
    });
  }
}
