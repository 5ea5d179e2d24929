package io.switchboard.server.security;

import io.switchboard.server.persistence.Database;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes {@link AuditEntry audit entries} to {@code admin_audit} without making any request wait: {@link #record}
 * only notes the entry; batches of up to {@value #BATCH} go to the database worker pool, one at a time, in the
 * order they happened. A batch that fails (MariaDB down) goes back to the front and is tried again every
 * {@code retry} until it lands, so nothing is lost to an outage. The memory is bounded: a WARN at 80%, and past
 * the bound each entry that cannot be kept is logged at ERROR in full (it is already redacted) so the log still
 * holds it. Any thread.
 */
public final class AuditWriter {

  /** Default bound on entries kept while the database is away: a day of a busy site's admin changes. */
  public static final int DEFAULT_BOUND = 50_000;
  /** Entries written per transaction. */
  static final int BATCH = 500;

  private static final Logger LOG = LoggerFactory.getLogger(AuditWriter.class);

  private final Database database;
  private final Vertx vertx;
  private final Duration retry;
  private final int bound;
  private final ArrayDeque<AuditEntry> unwritten = new ArrayDeque<>();
  private int writing;
  private int failedWrites;
  private boolean warned;

  public AuditWriter(Database database, Vertx vertx, Duration retry, int bound) {
    if (bound < 1) {
      throw new IllegalArgumentException("bound must be at least 1, was " + bound);
    }
    this.database = database;
    this.vertx = vertx;
    this.retry = retry;
    this.bound = bound;
  }

  /** Notes {@code entry}; written in the background. */
  public synchronized void record(AuditEntry entry) {
    if (unwritten.size() + writing >= bound) {
      LOG.error("event=admin-audit-dropped reason=database-away-too-long bound={} at={} actor={} role={} method={} "
          + "path={} target={} status={} detail={}", bound, entry.at(), entry.actor(), entry.role(), entry.method(),
          entry.path(), entry.targetId(), entry.status(), entry.detail());
      return;
    }
    unwritten.addLast(entry);
    if (!warned && unwritten.size() + writing >= bound * 8L / 10) {
      warned = true;
      LOG.warn("event=admin-audit-memory-near-bound unwritten={} bound={}", unwritten.size() + writing, bound);
    }
    writeNext();
  }

  /** Entries noted and not yet in the database. */
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
    List<AuditEntry> batch = new ArrayList<>(Math.min(BATCH, unwritten.size()));
    while (batch.size() < BATCH && !unwritten.isEmpty()) {
      batch.add(unwritten.pollFirst());
    }
    writing = batch.size();
    database.query(dsl -> {
      JooqAdminAudit.insert(dsl, batch);
      return null;
    }).onComplete(done -> written(batch, done.cause()));
  }

  private synchronized void written(List<AuditEntry> batch, Throwable failure) {
    writing = 0;
    if (failure == null) {
      LOG.debug("event=admin-audit-written count={}", batch.size());
      if (unwritten.size() < bound / 2) {
        warned = false;
      }
      writeNext();
      return;
    }
    failedWrites++;
    for (int i = batch.size() - 1; i >= 0; i--) {
      unwritten.addFirst(batch.get(i));
    }
    LOG.warn("event=admin-audit-not-written count={} unwritten={} retryIn={} reason={}", batch.size(),
        unwritten.size(), retry, failure.toString());
    vertx.setTimer(retry.toMillis(), id -> writeNext());
  }
}
