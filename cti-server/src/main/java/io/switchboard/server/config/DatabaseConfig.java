package io.switchboard.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code database}: an external MariaDB/MySQL ({@code url} set) or the embedded one ({@code url} empty).
 */
public record DatabaseConfig(
    String url,
    String user,
    Secret password,
    EmbeddedDatabaseSettings embedded,
    @JsonProperty("pool-size") int poolSize) {

  public DatabaseConfig {
    url = url == null || url.isBlank() ? null : url.strip();
    password = password == null ? Secret.NONE : password;
  }

  public static DatabaseConfig defaults() {
    return new DatabaseConfig(null, "switchboard", Secret.NONE, EmbeddedDatabaseSettings.defaults(), 8);
  }

  public boolean embeddedMode() {
    return url == null;
  }

  public DatabaseConfig withEmbedded(EmbeddedDatabaseSettings newEmbedded) {
    return new DatabaseConfig(url, user, password, newEmbedded, poolSize);
  }
}
