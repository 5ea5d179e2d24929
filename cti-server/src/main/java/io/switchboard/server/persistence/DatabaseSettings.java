package io.switchboard.server.persistence;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where the database lives and how many connections Switchboard may hold.
 *
 * <p>{@code url == null} means "start the embedded MariaDB": it keeps its files in
 * {@code embeddedDataDir} (default {@link #defaultEmbeddedDataDir()}) and listens on loopback at
 * {@code embeddedPort} (0 picks a free port). Otherwise {@code url} is a {@code jdbc:mariadb:} URL
 * and {@code user}/{@code password} are used to log in.
 *
 * <p>{@link #toString()} never shows the password.
 *
 * @param url JDBC URL of an existing MariaDB, or {@code null} for the embedded one
 * @param user login for {@code url}; ignored by the embedded database
 * @param password password for {@code url}; ignored by the embedded database
 * @param embeddedDataDir data directory of the embedded database; {@code null} means the default
 * @param embeddedPort TCP port of the embedded database, 0 to pick a free one
 * @param poolSize connections in the pool, which is also the number of database worker threads
 */
public record DatabaseSettings(
    String url, String user, String password, Path embeddedDataDir, int embeddedPort, int poolSize) {

  /** Pool size used by {@link #embedded(Path)} and {@link #external(String, String, String)}. */
  public static final int DEFAULT_POOL_SIZE = 8;

  /** Upper bound for {@code poolSize}: MariaDB's default max_connections is 151. */
  public static final int MAX_POOL_SIZE = 100;

  /** Validates every field and fills in the default data directory. */
  public DatabaseSettings {
    if (url != null && !url.toLowerCase(Locale.ROOT).startsWith("jdbc:mariadb:")) {
      throw new IllegalArgumentException("database url must start with jdbc:mariadb: (MariaDB Connector/J),"
          + " was " + Secrets.maskUrl(url));
    }
    if (embeddedPort < 0 || embeddedPort > 65_535) {
      throw new IllegalArgumentException(
          "database embeddedPort must be between 0 (pick a free port) and 65535, was " + embeddedPort);
    }
    if (poolSize < 1 || poolSize > MAX_POOL_SIZE) {
      throw new IllegalArgumentException(
          "database poolSize must be between 1 and " + MAX_POOL_SIZE + ", was " + poolSize);
    }
    embeddedDataDir =
        (embeddedDataDir == null ? defaultEmbeddedDataDir() : embeddedDataDir).toAbsolutePath().normalize();
  }

  /** Settings for the embedded MariaDB keeping its files in {@code dataDir}, on a free port. */
  public static DatabaseSettings embedded(Path dataDir) {
    return new DatabaseSettings(null, null, null, dataDir, 0, DEFAULT_POOL_SIZE);
  }

  /** Settings for an existing MariaDB server. */
  public static DatabaseSettings external(String url, String user, String password) {
    if (url == null) {
      throw new IllegalArgumentException("database url is required for an external database");
    }
    return new DatabaseSettings(url, user, password, null, 0, DEFAULT_POOL_SIZE);
  }

  /** {@code ${XDG_DATA_HOME:-~/.local/share}/switchboard/mariadb}. */
  public static Path defaultEmbeddedDataDir() {
    String xdg = System.getenv("XDG_DATA_HOME");
    Path base = xdg != null && !xdg.isBlank()
        ? Path.of(xdg)
        : Path.of(System.getProperty("user.home"), ".local", "share");
    return base.resolve("switchboard").resolve("mariadb");
  }

  /** True when Switchboard starts its own MariaDB. */
  public boolean isEmbedded() {
    return url == null;
  }

  /** The same settings with another pool size. */
  public DatabaseSettings withPoolSize(int size) {
    return new DatabaseSettings(url, user, password, embeddedDataDir, embeddedPort, size);
  }

  @Override
  public String toString() {
    return "DatabaseSettings[url=" + (url == null ? "embedded" : Secrets.maskUrl(url))
        + ", user=" + user
        + ", password=" + Secrets.maskPassword(password)
        + ", embeddedDataDir=" + embeddedDataDir
        + ", embeddedPort=" + embeddedPort
        + ", poolSize=" + poolSize + "]";
  }
}
