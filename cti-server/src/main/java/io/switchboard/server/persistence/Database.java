package io.switchboard.server.persistence;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Switchboard's MariaDB: a migrated schema behind a HikariCP pool, queried with the jOOQ classes in
 * {@code io.switchboard.server.persistence.jooq}. Every query runs on the named worker pool
 * {@value #WORKER_POOL}, never on an event loop.
 *
 * <pre>{@code
 * Database.start(vertx, settings)
 *     .compose(db -> db.query(dsl -> dsl.fetchCount(AGENTS)));
 * }</pre>
 */
public final class Database implements AutoCloseable {

  /** Name of the Vert.x worker pool (and of the HikariCP pool) that runs all JDBC. */
  public static final String WORKER_POOL = "switchboard-db";

  private static final Logger LOG = LoggerFactory.getLogger(Database.class);

  private final PooledDataSource source;
  private final DSLContext dsl;
  private final WorkerExecutor workers;
  private final int migrationsApplied;
  private final AtomicBoolean closed = new AtomicBoolean();

  private Database(PooledDataSource source, WorkerExecutor workers, int migrationsApplied) {
    this.source = source;
    this.dsl = DSL.using(source.pool(), SQLDialect.MARIADB);
    this.workers = workers;
    this.migrationsApplied = migrationsApplied;
  }

  /**
   * Blocking: starts the embedded MariaDB when {@code settings.url()} is null (and logs where its
   * data lives), opens the pool and applies pending migrations. Call it from a worker thread, or use
   * {@link #start(Vertx, DatabaseSettings)}.
   *
   * @throws DatabaseUnavailableException naming the masked URL and what was tried
   */
  public static Database open(Vertx vertx, DatabaseSettings settings) {
    PooledDataSource source = PooledDataSource.open(settings);
    try {
      int applied = source.migrate();
      WorkerExecutor workers = vertx.createSharedWorkerExecutor(WORKER_POOL, settings.poolSize());
      Database database = new Database(source, workers, applied);
      LOG.info("Database ready: {}", database.describe());
      return database;
    } catch (RuntimeException e) {
      source.close();
      throw e;
    }
  }

  /** {@link #open(Vertx, DatabaseSettings)} on a Vert.x worker thread; safe to call from an event loop. */
  public static Future<Database> start(Vertx vertx, DatabaseSettings settings) {
    return vertx.executeBlocking(() -> open(vertx, settings), false);
  }

  /**
   * Blocking: applies pending migrations and stops again, for the {@code migrate} command.
   *
   * @return the number of migrations applied, 0 when the schema was up to date
   * @throws DatabaseUnavailableException naming the masked URL and what was tried
   */
  public static int migrate(DatabaseSettings settings) {
    try (PooledDataSource source = PooledDataSource.open(settings.withPoolSize(1))) {
      return source.migrate();
    }
  }

  /** Runs {@code work} on the {@value #WORKER_POOL} pool; queries run concurrently, up to the pool size. */
  public <T> Future<T> query(Function<DSLContext, T> work) {
    if (closed.get()) {
      return Future.failedFuture(new IllegalStateException("database closed: " + describe()));
    }
    return workers.executeBlocking(() -> work.apply(dsl), false);
  }

  /** {@code SELECT 1} on the worker pool, for {@code /status}. */
  public Future<Void> ping() {
    return query(context -> {
      context.selectOne().fetch();
      return null;
    });
  }

  /** The JDBC URL with the password masked, plus "embedded" and the data directory where applicable. */
  public String describe() {
    return source.describe();
  }

  /** Migrations this instance applied when it opened; 0 when the schema was already up to date. */
  public int migrationsApplied() {
    return migrationsApplied;
  }

  /** Blocking: closes the worker pool, the connection pool, then the embedded server. Idempotent. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      workers.close();
      source.close();
    }
  }
}
