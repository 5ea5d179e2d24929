package io.switchboard.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code database.embedded}: the MariaDB started inside the process when {@code database.url} is not set.
 *
 * @param dataDir where it keeps its files; empty means {@code ${XDG_DATA_HOME:-~/.local/share}/switchboard/mariadb}
 * @param port its loopback TCP port; 0 picks a free one
 */
public record EmbeddedDatabaseSettings(@JsonProperty("data-dir") String dataDir, int port) {

  public EmbeddedDatabaseSettings {
    dataDir = dataDir == null ? "" : dataDir.strip();
  }

  public static EmbeddedDatabaseSettings defaults() {
    return new EmbeddedDatabaseSettings("", 0);
  }
}
