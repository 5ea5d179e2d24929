package io.switchboard.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code queue-log}: where, besides the database's {@code queue_log} table, queue_log rows are written.
 *
 * @param file an absolute path of an Asterisk-format {@code queue_log} file the node appends to (e.g.
 *             {@code /var/log/asterisk/queue_log}); empty or left out for none
 */
public record QueueLogSettings(@JsonProperty("file") String file) {

  public QueueLogSettings {
    file = file == null ? "" : file.strip();
  }

  public static QueueLogSettings defaults() {
    return new QueueLogSettings("");
  }

  /** Whether a file is configured. */
  public boolean writesFile() {
    return !file.isEmpty();
  }
}
