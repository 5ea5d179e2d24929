package io.switchboard.server.crm;

import static io.switchboard.server.persistence.jooq.Tables.CRM_OUTBOX;

import io.switchboard.core.crm.CallLog;
import io.switchboard.server.persistence.Database;
import io.switchboard.server.persistence.jooq.tables.records.CrmOutboxRecord;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.UpdateSetMoreStep;
import org.jooq.impl.DSL;

/**
 * The dispatcher's side of {@code crm_outbox} (V17): claiming due rows and recording what the CRM answered, plus
 * the listing and counts the API and {@code /status} show. Every query runs on the database worker pool.
 *
 * <p>A claim is one transaction: {@code SELECT ... FOR UPDATE SKIP LOCKED} picks due pending rows no other node
 * is claiming, and the same transaction counts the attempt and pushes {@code next_attempt_at} a lease ahead, so
 * once it commits no other node takes the row while this one talks to the CRM. A node that dies mid-call leaves
 * the row to be claimed again when the lease runs out; the connector's idempotency key keeps that second send
 * from making a second record.
 */
public final class JooqCrmOutbox {

  /** A row claimed for sending, its attempt counted. */
  record Claimed(long id, String connector, String idempotencyKey, int attempts, Optional<CallLog> log,
      String unreadable) {
  }

  private static final int DEADLOCK_RETRIES = 5;

  private final Database database;

  public JooqCrmOutbox(Database database) {
    this.database = database;
  }

  /** Claims up to {@code max} pending rows of {@code connectors} due at {@code now}, oldest due first. */
  Future<List<Claimed>> claim(Collection<String> connectors, int max, Instant now, Duration lease) {
    if (connectors.isEmpty() || max <= 0) {
      return Future.succeededFuture(List.of());
    }
    return database.query(dsl -> retryingDeadlocks(() -> dsl.transactionResult(tx -> {
      DSLContext db = tx.dsl();
      List<CrmOutboxRecord> rows = db.selectFrom(CRM_OUTBOX)
          .where(CRM_OUTBOX.STATE.eq(OutboxState.PENDING.slug()), CRM_OUTBOX.NEXT_ATTEMPT_AT.le(now),
              CRM_OUTBOX.CONNECTOR.in(connectors))
          .orderBy(CRM_OUTBOX.NEXT_ATTEMPT_AT, CRM_OUTBOX.ID).limit(max).forUpdate().skipLocked().fetch();
      if (rows.isEmpty()) {
        return List.<Claimed>of();
      }
      db.update(CRM_OUTBOX).set(CRM_OUTBOX.ATTEMPTS, CRM_OUTBOX.ATTEMPTS.plus(1))
          .set(CRM_OUTBOX.NEXT_ATTEMPT_AT, now.plus(lease))
          .where(CRM_OUTBOX.ID.in(rows.stream().map(CrmOutboxRecord::getId).toList())).execute();
      return rows.stream().map(JooqCrmOutbox::claimed).toList();
    })));
  }

  /**
   * Runs {@code claim} again when InnoDB chose it as a deadlock's victim: two nodes claiming at once can lock the
   * due index in opposite orders (SKIP LOCKED skips locked rows, not the index gaps the lease's update moves
   * into). The victim's transaction was rolled back whole, so running it again is safe.
   */
  private static <T> T retryingDeadlocks(java.util.function.Supplier<T> claim) {
    for (int attempt = 1; ; attempt++) {
      try {
        return claim.get();
      } catch (org.jooq.exception.DataAccessException e) {
        if (attempt >= DEADLOCK_RETRIES || !(e.getCause() instanceof java.sql.SQLTransactionRollbackException)) {
          throw e;
        }
      }
    }
  }

  private static Claimed claimed(CrmOutboxRecord r) {
    try {
      return new Claimed(r.getId(), r.getConnector(), r.getIdempotencyKey(), r.getAttempts() + 1,
          Optional.of(CallLogCodec.decode(r.getLogVersion(), r.getCallLog())), "");
    } catch (IllegalArgumentException e) {
      return new Claimed(r.getId(), r.getConnector(), r.getIdempotencyKey(), r.getAttempts() + 1, Optional.empty(),
          e.getMessage());
    }
  }

  /** Records each claimed row's next step, in one transaction. Only rows still pending are changed. */
  Future<Void> record(Map<Long, OutboxStep> steps, Instant now) {
    if (steps.isEmpty()) {
      return Future.succeededFuture();
    }
    return database.query(dsl -> {
      dsl.transaction(tx -> {
        List<Query> updates = new ArrayList<>();
        steps.forEach((id, step) -> updates.add(update(tx.dsl(), id, step, now)));
        tx.dsl().batch(updates).execute();
      });
      return null;
    });
  }

  private static Query update(DSLContext db, long id, OutboxStep step, Instant now) {
    UpdateSetMoreStep<CrmOutboxRecord> set;
    if (step instanceof OutboxStep.Logged logged) {
      set = db.update(CRM_OUTBOX).set(CRM_OUTBOX.STATE, OutboxState.LOGGED.slug())
          .set(CRM_OUTBOX.RECORD_ID, logged.recordId()).set(CRM_OUTBOX.LOGGED_AT, now)
          .set(CRM_OUTBOX.LAST_ERROR, (String) null);
    } else if (step instanceof OutboxStep.Retry retry) {
      set = db.update(CRM_OUTBOX).set(CRM_OUTBOX.NEXT_ATTEMPT_AT, retry.at())
          .set(CRM_OUTBOX.LAST_ERROR, retry.error());
    } else {
      set = db.update(CRM_OUTBOX).set(CRM_OUTBOX.STATE, OutboxState.FAILED.slug())
          .set(CRM_OUTBOX.LAST_ERROR, ((OutboxStep.Failed) step).error());
    }
    return set.where(CRM_OUTBOX.ID.eq(id), CRM_OUTBOX.STATE.eq(OutboxState.PENDING.slug()));
  }

  /** One page of rows in {@code state} (every state when empty), newest first. */
  public Future<List<OutboxRow>> page(Optional<OutboxState> state, int offset, int limit) {
    return database.query(dsl -> dsl.selectFrom(CRM_OUTBOX)
        .where(state.map(s -> CRM_OUTBOX.STATE.eq(s.slug())).orElse(DSL.noCondition()))
        .orderBy(CRM_OUTBOX.ID.desc()).limit(limit).offset(offset).fetch(JooqCrmOutbox::row));
  }

  /** Pending and failed counts and the oldest pending row's age at {@code now}. */
  public Future<OutboxCounts> counts(Instant now) {
    return database.query(dsl -> {
      var pending = dsl.select(DSL.count(), DSL.min(CRM_OUTBOX.CREATED_AT)).from(CRM_OUTBOX)
          .where(CRM_OUTBOX.STATE.eq(OutboxState.PENDING.slug())).fetchOne();
      int failed = dsl.fetchCount(CRM_OUTBOX, CRM_OUTBOX.STATE.eq(OutboxState.FAILED.slug()));
      Optional<Duration> age = Optional.ofNullable(pending.value2()).map(oldest -> Duration.between(oldest, now))
          .map(d -> d.isNegative() ? Duration.ZERO : d);
      return new OutboxCounts(pending.value1(), age, failed);
    });
  }

  private static OutboxRow row(CrmOutboxRecord r) {
    return new OutboxRow(r.getId(), r.getConnector(), r.getIdempotencyKey(), r.getCallId(),
        OutboxState.of(r.getState()).orElseThrow(), r.getAttempts(), r.getNextAttemptAt(),
        Optional.ofNullable(r.getLastError()), Optional.ofNullable(r.getRecordId()), r.getCreatedAt(),
        Optional.ofNullable(r.getLoggedAt()));
  }
}
