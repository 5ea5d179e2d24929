package io.switchboard.server.kpi;

import static io.switchboard.server.persistence.jooq.Tables.KPI_QUEUE_INTERVALS;

import io.switchboard.queue.kpi.IntervalRow;
import io.switchboard.server.persistence.Database;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * KPI history in {@code kpi_queue_intervals}: one row per queue per closed 15-minute interval. Rows wait in
 * memory until a write of them succeeded; a failed write (database down) is retried later, after a wait that
 * doubles up to {@code maxRetryWait}, so no row is lost while the node runs. Writes run on the database worker
 * pool ({@value Database#WORKER_POOL}), one at a time, as one upsert per row in one transaction.
 */
public final class JooqKpiIntervals {

  private static final Logger LOG = LoggerFactory.getLogger(JooqKpiIntervals.class);

  /** Runs a write in one transaction on the database worker pool; the seam tests use to make the database fail. */
  @FunctionalInterface
  interface Transactions {
    Future<Void> run(Consumer<DSLContext> work);

    static Transactions on(Database database) {
      return work -> database.query(dsl -> {
        dsl.transaction(tx -> work.accept(tx.dsl()));
        return null;
      });
    }
  }

  private final Transactions database;
  private final Vertx vertx;
  private final Context context;
  private final Clock clock;
  private final Duration firstRetryWait;
  private final Duration maxRetryWait;
  private final Deque<IntervalRow> pending = new ArrayDeque<>();
  private boolean writing;
  private boolean retryScheduled;
  private Duration retryWait;
  private volatile int waiting;
  private long asked;
  private long written;
  private final Deque<Waiter> waiters = new ArrayDeque<>();

  private record Waiter(long upTo, Promise<Void> promise) {
  }

  JooqKpiIntervals(Transactions database, Vertx vertx, Context context, Clock clock, Duration firstRetryWait,
      Duration maxRetryWait) {
    this.database = database;
    this.vertx = vertx;
    this.context = context;
    this.clock = clock;
    this.firstRetryWait = firstRetryWait;
    this.maxRetryWait = maxRetryWait;
    this.retryWait = firstRetryWait;
  }

  /**
   * Keeps {@code rows} and writes them (with any still waiting) as soon as the database takes them.
   *
   * @return completes once these rows are written, however many retries that took
   */
  public Future<Void> save(List<IntervalRow> rows) {
    Promise<Void> done = Promise.promise();
    context.runOnContext(v -> {
      pending.addAll(rows);
      asked += rows.size();
      waiting = pending.size();
      waiters.addLast(new Waiter(asked, done));
      write();
    });
    return done.future();
  }

  /** How many rows wait to be written. */
  public int pending() {
    return waiting;
  }

  private void write() {
    completeWritten();
    if (writing || retryScheduled || pending.isEmpty()) {
      return;
    }
    writing = true;
    List<IntervalRow> batch = List.copyOf(pending);
    Instant now = clock.instant();
    database.run(dsl -> batch.forEach(row -> upsert(dsl, row, now))).onComplete(done -> context.runOnContext(v -> {
      writing = false;
      if (done.succeeded()) {
        batch.forEach(row -> pending.removeFirst());
        waiting = pending.size();
        written += batch.size();
        completeWritten();
        retryWait = firstRetryWait;
        LOG.debug("event=kpi-intervals-written rows={}", batch.size());
        write();
      } else {
        LOG.warn("event=kpi-intervals-write-failed rows={} retryInMillis={} reason={}", pending.size(),
            retryWait.toMillis(), done.cause().toString());
        retryScheduled = true;
        vertx.setTimer(retryWait.toMillis(), id -> context.runOnContext(w -> {
          retryScheduled = false;
          write();
        }));
        retryWait = retryWait.multipliedBy(2).compareTo(maxRetryWait) > 0 ? maxRetryWait : retryWait.multipliedBy(2);
      }
    }));
  }

  private void completeWritten() {
    while (!waiters.isEmpty() && waiters.peekFirst().upTo() <= written) {
      waiters.removeFirst().promise().complete();
    }
  }

  private static void upsert(DSLContext dsl, IntervalRow row, Instant now) {
    dsl.insertInto(KPI_QUEUE_INTERVALS)
        .set(KPI_QUEUE_INTERVALS.QUEUE_ID, row.queue().value())
        .set(KPI_QUEUE_INTERVALS.INTERVAL_START, row.start())
        .set(KPI_QUEUE_INTERVALS.INTERVAL_SECONDS, (int) IntervalRow.LENGTH.toSeconds())
        .set(KPI_QUEUE_INTERVALS.OFFERED, (int) row.offered())
        .set(KPI_QUEUE_INTERVALS.ANSWERED, (int) row.answered())
        .set(KPI_QUEUE_INTERVALS.ANSWERED_WITHIN_THRESHOLD, (int) row.answeredWithinThreshold())
        .set(KPI_QUEUE_INTERVALS.ABANDONED, (int) row.abandoned())
        .set(KPI_QUEUE_INTERVALS.SHORT_ABANDONS, (int) row.shortAbandons())
        .set(KPI_QUEUE_INTERVALS.REPEAT_CALLERS, (int) row.repeatCallers())
        .set(KPI_QUEUE_INTERVALS.ANSWER_WAIT_MS, row.answerWait().toMillis())
        .set(KPI_QUEUE_INTERVALS.HANDLED, (int) row.handled())
        .set(KPI_QUEUE_INTERVALS.HANDLE_MS, row.handleTime().toMillis())
        .set(KPI_QUEUE_INTERVALS.WRITTEN_AT, now)
        .onDuplicateKeyUpdate()
        .set(KPI_QUEUE_INTERVALS.OFFERED, (int) row.offered())
        .set(KPI_QUEUE_INTERVALS.ANSWERED, (int) row.answered())
        .set(KPI_QUEUE_INTERVALS.ANSWERED_WITHIN_THRESHOLD, (int) row.answeredWithinThreshold())
        .set(KPI_QUEUE_INTERVALS.ABANDONED, (int) row.abandoned())
        .set(KPI_QUEUE_INTERVALS.SHORT_ABANDONS, (int) row.shortAbandons())
        .set(KPI_QUEUE_INTERVALS.REPEAT_CALLERS, (int) row.repeatCallers())
        .set(KPI_QUEUE_INTERVALS.ANSWER_WAIT_MS, row.answerWait().toMillis())
        .set(KPI_QUEUE_INTERVALS.HANDLED, (int) row.handled())
        .set(KPI_QUEUE_INTERVALS.HANDLE_MS, row.handleTime().toMillis())
        .set(KPI_QUEUE_INTERVALS.WRITTEN_AT, now)
        .execute();
  }
}
