package io.switchboard.server.persistence;

import java.nio.file.Path;

/**
 * The server's own embedded MariaDB, started by a test JVM so that several server processes can share it as an
 * external database ({@code SWITCHBOARD_DATABASE_URL}), as the nodes of a cluster share theirs, and so that it
 * outlives a server process that is killed.
 */
public final class SharedMariaDb implements AutoCloseable {

  private final EmbeddedMariaDb db;

  private SharedMariaDb(EmbeddedMariaDb db) {
    this.db = db;
  }

  /** Blocking: starts MariaDB on a free loopback port with its files in {@code dataDir} (not under java.io.tmpdir). */
  public static SharedMariaDb start(Path dataDir) throws Exception {
    return new SharedMariaDb(EmbeddedMariaDb.start(dataDir, 0));
  }

  /** The JDBC URL of the server's schema. */
  public String jdbcUrl() {
    return db.jdbcUrl();
  }

  /** The login (any works: the embedded server skips grant tables). */
  public String user() {
    return EmbeddedMariaDb.USER;
  }

  @Override
  public void close() {
    db.close();
  }
}
