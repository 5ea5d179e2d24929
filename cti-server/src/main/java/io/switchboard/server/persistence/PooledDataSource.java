package io.switchboard.server.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Duration;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded server (when there is one) plus the HikariCP pool in front of it. Every failure
 * becomes a {@link DatabaseUnavailableException} naming the masked URL and what was tried.
 */
final class PooledDataSource implements AutoCloseable {

  /** Where Flyway finds the migrations that jOOQ also generates its classes from. */
  static final String MIGRATIONS = "classpath:db/migration";

  /** How long one connection attempt may take, at start and when borrowing from the pool. */
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

  private static final Logger LOG = LoggerFactory.getLogger(PooledDataSource.class);

  private final EmbeddedMariaDb embedded;
  private final HikariDataSource pool;
  private final String maskedUrl;
  private final String password;

  private PooledDataSource(EmbeddedMariaDb embedded, HikariDataSource pool, String maskedUrl, String password) {
    this.embedded = embedded;
    this.pool = pool;
    this.maskedUrl = maskedUrl;
    this.password = password;
  }

  /** Blocking: starts the embedded server if configured, then opens the pool with one connection attempt. */
  static PooledDataSource open(DatabaseSettings settings) {
    EmbeddedMariaDb embedded = settings.isEmbedded() ? startEmbedded(settings) : null;
    String url = embedded != null ? embedded.jdbcUrl() : settings.url();
    String user = embedded != null ? EmbeddedMariaDb.USER : settings.user();
    String password = embedded != null ? "" : settings.password();
    try {
      HikariDataSource pool = new HikariDataSource(poolConfig(url, user, password, settings.poolSize()));
      return new PooledDataSource(embedded, pool, Secrets.maskUrl(url), password);
    } catch (RuntimeException e) {
      if (embedded != null) {
        embedded.close();
      }
      throw new DatabaseUnavailableException("database-unreachable",
          "Database unavailable at " + Secrets.maskUrl(url) + " (user " + user + ", password "
              + Secrets.maskPassword(password) + "). Tried: one connection attempt through HikariCP with a "
              + CONNECT_TIMEOUT.toSeconds() + " s connect timeout. Cause: " + rootMessage(e, password),
          e);
    }
  }

  /** Blocking: applies pending migrations and returns how many ran. */
  int migrate() {
    try {
      int applied = Flyway.configure()
          .dataSource(pool)
          .locations(MIGRATIONS)
          .load()
          .migrate()
          .migrationsExecuted;
      LOG.info("Database {}: {} migration(s) applied", maskedUrl, applied);
      return applied;
    } catch (FlywayException e) {
      throw new DatabaseUnavailableException("database-migration-failed",
          "Database migration failed at " + maskedUrl + ". Tried: Flyway migrate of " + MIGRATIONS
              + ". Cause: " + rootMessage(e, password),
          e);
    }
  }

  HikariDataSource pool() {
    return pool;
  }

  /** The masked URL, plus "embedded MariaDB x, data in dir" where applicable. */
  String describe() {
    if (embedded == null) {
      return maskedUrl;
    }
    return maskedUrl + " (embedded MariaDB " + embedded.version() + ", data in " + embedded.dataDir() + ")";
  }

  /** Closes the pool, then stops the embedded server. */
  @Override
  public void close() {
    pool.close();
    if (embedded != null) {
      embedded.close();
    }
  }

  private static EmbeddedMariaDb startEmbedded(DatabaseSettings settings) {
    Path dataDir = settings.embeddedDataDir();
    try {
      return EmbeddedMariaDb.start(dataDir, settings.embeddedPort());
    } catch (Exception e) {
      throw new DatabaseUnavailableException("database-embedded-start-failed",
          "Embedded MariaDB did not start (no database url configured). Tried: unpack the bundled MariaDB"
              + " binaries under " + System.getProperty("java.io.tmpdir") + ", initialise or reuse the data"
              + " directory " + dataDir + ", start mariadbd on 127.0.0.1:"
              + (settings.embeddedPort() == 0 ? "<free port>" : settings.embeddedPort())
              + " and create schema " + EmbeddedMariaDb.SCHEMA + ". Cause: " + rootMessage(e, null),
          e);
    }
  }

  private static HikariConfig poolConfig(String url, String user, String password, int poolSize) {
    HikariConfig config = new HikariConfig();
    config.setPoolName(Database.WORKER_POOL);
    config.setDriverClassName("org.mariadb.jdbc.Driver");
    config.setJdbcUrl(url);
    config.setUsername(user);
    config.setPassword(password);
    config.setMaximumPoolSize(poolSize);
    config.setConnectionTimeout(CONNECT_TIMEOUT.toMillis());
    config.setInitializationFailTimeout(1);
    config.addDataSourceProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT.toMillis()));
    return config;
  }

  private static String rootMessage(Throwable e, String password) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return Secrets.scrub(message.strip(), password);
  }
}
