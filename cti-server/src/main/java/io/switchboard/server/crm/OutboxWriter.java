package io.switchboard.server.crm;

import static io.switchboard.server.persistence.jooq.Tables.CRM_OUTBOX;

import io.switchboard.core.crm.CallLog;
import io.switchboard.server.persistence.Database;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts call logs in {@code crm_outbox}, one row per enabled connector, without ever making the call's end wait.
 * {@link #enqueue} only notes the log and returns; the rows are written in the background on the database worker
 * pool, a batch per transaction, with {@code INSERT IGNORE} on the (connector, idempotency key) unique key so a
 * batch written twice is stored once. Like {@code JooqPendingCallbacks}, a batch that fails (MariaDB down) is kept
 * in memory and tried again every {@code retry} until it lands. The memory is bounded: a WARN is logged when it is
 * 80% full, and past the bound the newest log is dropped with an ERROR naming its key, since an unbounded heap
 * would lose every log at once. Any thread.
 */
public final class OutboxWriter {

  /** Default bound on logs kept in memory while the database is away (a busy site's hour of calls). */
  public static final int DEFAULT_BOUND = 20_000;

  private static final Logger LOG = LoggerFactory.getLogger(OutboxWriter.class);

  private final Database database;
  private final Vertx vertx;
  private final Clock clock;
  private final Duration retry;
  private final int bound;
  /** Logs not written yet, per "connector idempotency-key". */
  private final Map<String, Pending> unwritten = new LinkedHashMap<>();
  private int writing;
  private int failedWrites;
  private boolean warned;

  private record Pending(String connector, CallLog log) {
  }

  public OutboxWriter(Database database, Vertx vertx, Clock clock, Duration retry, int bound) {
    if (bound < 1) {
      throw new IllegalArgumentException("bound must be at least 1, was " + bound);
    }
    this.database = database;
    this.vertx = vertx;
    this.clock = clock;
    this.retry = retry;
    this.bound = bound;
  }

  /** Notes {@code log} for each of {@code connectors}; written in the background. */
  public synchronized void enqueue(CallLog log, List<String> connectors) {
    for (String connector : connectors) {
      String key = connector + " " + log.idempotencyKey();
      if (unwritten.size() + writing >= bound && !unwritten.containsKey(key)) {
        LOG.error("event=crm-log-dropped connector={} key={} bound={} reason=database-away-too-long", connector,
            log.idempotencyKey(), bound);
        continue;
      }
      unwritten.put(key, new Pending(connector, log));
    }
    if (!warned && unwritten.size() + writing >= bound * 8L / 10) {
      warned = true;
      LOG.warn("event=crm-outbox-memory-near-bound unwritten={} bound={}", unwritten.size() + writing, bound);
    }
    writeNext();
  }

  /** Logs noted and not yet in the database (after a failure, until it is back). */
  public synchronized int unwritten() {
    return unwritten.size() + writing;
  }

  /** Batches that failed so far (each is tried again). */
  public synchronized int failedWrites() {
    return failedWrites;
  }

  private synchronized void writeNext() {
    if (writing > 0 || unwritten.isEmpty()) {
      return;
    }
    Map<String, Pending> batch = new LinkedHashMap<>(unwritten);
    unwritten.clear();
    writing = batch.size();
    database.query(dsl -> {
      dsl.transaction(tx -> insert(tx.dsl(), new ArrayList<>(batch.values())));
      return null;
    }).onComplete(done -> written(batch, done.cause()));
  }

  private synchronized void written(Map<String, Pending> batch, Throwable failure) {
    writing = 0;
    if (failure == null) {
      LOG.debug("event=crm-logs-enqueued count={}", batch.size());
      if (unwritten.size() < bound / 2) {
        warned = false;
      }
      writeNext();
      return;
    }
    failedWrites++;
    Map<String, Pending> again = new LinkedHashMap<>(batch);
    again.putAll(unwritten);
    unwritten.clear();
    unwritten.putAll(again);
    LOG.warn("event=crm-logs-not-enqueued count={} retryIn={} reason={}", batch.size(), retry, failure.toString());
    vertx.setTimer(retry.toMillis(), id -> writeNext());
  }

  private void insert(DSLContext dsl, List<Pending> batch) {
    var now = clock.instant();
    for (Pending p : batch) {
      dsl.insertInto(CRM_OUTBOX).set(CRM_OUTBOX.CONNECTOR, p.connector())
          .set(CRM_OUTBOX.IDEMPOTENCY_KEY, p.log().idempotencyKey()).set(CRM_OUTBOX.CALL_ID, p.log().call().value())
          .set(CRM_OUTBOX.LOG_VERSION, CallLogCodec.VERSION).set(CRM_OUTBOX.CALL_LOG, CallLogCodec.encode(p.log()))
          .set(CRM_OUTBOX.STATE, OutboxState.PENDING.slug()).set(CRM_OUTBOX.ATTEMPTS, 0)
          .set(CRM_OUTBOX.NEXT_ATTEMPT_AT, now).set(CRM_OUTBOX.CREATED_AT, now)
          .onDuplicateKeyIgnore().execute();
    }
  }
}
