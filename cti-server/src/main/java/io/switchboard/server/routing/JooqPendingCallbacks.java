package io.switchboard.server.routing;

import static io.switchboard.server.persistence.jooq.Tables.PENDING_CALLBACKS;

import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;
import io.switchboard.core.id.PbxId;
import io.switchboard.core.id.QueueId;
import io.switchboard.core.id.TaskId;
import io.switchboard.queue.routing.PendingCallback;
import io.switchboard.queue.routing.PendingCallbacks;
import io.switchboard.queue.waiting.QueuedCallback;
import io.switchboard.server.persistence.Database;
import io.switchboard.server.persistence.jooq.tables.records.PendingCallbacksRecord;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The queued callbacks that stand, in {@code pending_callbacks} (V11), so that a restart of the routing node does
 * not lose them. {@link #saved} and {@link #ended} only note the change and return: the changes are written in the
 * background on the database worker pool, in one transaction per batch, the last change of each task winning. A
 * batch that fails (database down) is not dropped, unlike a journal row: it is kept, behind any newer change of
 * the same task, and tried again every {@link #RETRY} until it lands, so a callback accepted while the database was
 * away is stored once it is back (a restart of the node meanwhile still loses it). Any thread.
 */
public final class JooqPendingCallbacks implements PendingCallbacks {

  /** How long after a failed write the changes not written are tried again. */
  static final Duration RETRY = Duration.ofSeconds(5);

  private static final Logger LOG = LoggerFactory.getLogger(JooqPendingCallbacks.class);

  private final Database database;
  private final Vertx vertx;
  private final Clock clock;
  /** The changes not written yet, per task: the callback to keep, or empty to forget it. */
  private final Map<TaskId, Optional<PendingCallback>> unwritten = new LinkedHashMap<>();
  private boolean writing;
  private int failedWrites;

  public JooqPendingCallbacks(Database database, Vertx vertx, Clock clock) {
    this.database = database;
    this.vertx = vertx;
    this.clock = clock;
  }

  @Override
  public void saved(PendingCallback callback) {
    change(callback.task(), Optional.of(callback));
  }

  @Override
  public void ended(TaskId task) {
    change(task, Optional.empty());
  }

  @Override
  public CompletionStage<List<PendingCallback>> all() {
    return database.query(dsl -> dsl.selectFrom(PENDING_CALLBACKS)
        .orderBy(PENDING_CALLBACKS.CREATED_AT, PENDING_CALLBACKS.TASK_ID).fetch(JooqPendingCallbacks::callback))
        .toCompletionStage();
  }

  /** How many changes wait to be written (after a failure, until the database is back). */
  public synchronized int unwritten() {
    return unwritten.size() + (writing ? 1 : 0);
  }

  /** How many batches failed so far (each is tried again). */
  synchronized int failedWrites() {
    return failedWrites;
  }

  private synchronized void change(TaskId task, Optional<PendingCallback> callback) {
    unwritten.remove(task);
    unwritten.put(task, callback);
    writeNext();
  }

  private synchronized void writeNext() {
    if (writing || unwritten.isEmpty()) {
      return;
    }
    writing = true;
    Map<TaskId, Optional<PendingCallback>> batch = new LinkedHashMap<>(unwritten);
    unwritten.clear();
    database.query(dsl -> {
      dsl.transaction(tx -> batch.forEach((task, callback) -> write(tx.dsl(), task, callback)));
      return null;
    }).onComplete(done -> written(batch, done.cause()));
  }

  private synchronized void written(Map<TaskId, Optional<PendingCallback>> batch, Throwable failure) {
    writing = false;
    if (failure == null) {
      LOG.debug("event=pending-callbacks-written count={}", batch.size());
      writeNext();
      return;
    }
    failedWrites++;
    batch.forEach(unwritten::putIfAbsent);
    LOG.warn("event=pending-callbacks-not-written count={} retryIn={} reason={}", batch.size(), RETRY,
        failure.toString());
    vertx.setTimer(RETRY.toMillis(), id -> writeNext());
  }

  private void write(DSLContext dsl, TaskId task, Optional<PendingCallback> callback) {
    dsl.deleteFrom(PENDING_CALLBACKS).where(PENDING_CALLBACKS.TASK_ID.eq(task.value())).execute();
    if (callback.isEmpty()) {
      return;
    }
    PendingCallback c = callback.get();
    QueuedCallback s = c.settings();
    dsl.insertInto(PENDING_CALLBACKS).set(PENDING_CALLBACKS.TASK_ID, task.value())
        .set(PENDING_CALLBACKS.CALL_ID, c.call().value()).set(PENDING_CALLBACKS.PBX_ID, c.pbx().value())
        .set(PENDING_CALLBACKS.QUEUE_ID, c.queue().value()).set(PENDING_CALLBACKS.CALLER_LEG, c.callerLeg().value())
        .set(PENDING_CALLBACKS.CALLBACK_NUMBER, c.number().e164()).set(PENDING_CALLBACKS.PRIORITY, c.priority())
        .set(PENDING_CALLBACKS.CREATED_AT, c.created()).set(PENDING_CALLBACKS.ENTERED_AT, c.enteredAt())
        .set(PENDING_CALLBACKS.ORIGINAL_POSITION, c.originalPosition())
        .set(PENDING_CALLBACKS.ATTEMPTS_MADE, c.attempts())
        .set(PENDING_CALLBACKS.NOT_BEFORE, c.notBefore().orElse(null))
        .set(PENDING_CALLBACKS.ENABLED, s.enabled()).set(PENDING_CALLBACKS.DIGIT, String.valueOf(s.digit()))
        .set(PENDING_CALLBACKS.OFFER_AFTER_SECONDS, (int) s.offerAfter().toSeconds())
        .set(PENDING_CALLBACKS.OFFER_ABOVE_SECONDS, (int) s.offerAbove().toSeconds())
        .set(PENDING_CALLBACKS.ATTEMPTS, s.attempts())
        .set(PENDING_CALLBACKS.RING_TIME_SECONDS, (int) s.ringTime().toSeconds())
        .set(PENDING_CALLBACKS.RETRY_DELAY_SECONDS, (int) s.retryDelay().toSeconds())
        .set(PENDING_CALLBACKS.UPDATED_AT, clock.instant()).execute();
  }

  private static PendingCallback callback(PendingCallbacksRecord r) {
    QueuedCallback settings = new QueuedCallback(r.getEnabled(), r.getDigit().charAt(0),
        Duration.ofSeconds(r.getOfferAfterSeconds()), Duration.ofSeconds(r.getOfferAboveSeconds()), r.getAttempts(),
        Duration.ofSeconds(r.getRingTimeSeconds()), Duration.ofSeconds(r.getRetryDelaySeconds()));
    return new PendingCallback(TaskId.of(r.getTaskId()), CallId.of(r.getCallId()), PbxId.of(r.getPbxId()),
        QueueId.of(r.getQueueId()), LegId.of(r.getCallerLeg()), new PhoneNumber(r.getCallbackNumber()),
        r.getPriority(), r.getCreatedAt(), r.getEnteredAt(), r.getOriginalPosition(), r.getAttemptsMade(),
        Optional.ofNullable(r.getNotBefore()), settings);
  }
}
