package io.switchboard.server.config;

/** {@code logging}: console logging, one {@code key=value} line per event. */
public record LoggingSettings(LogLevel level) {

  public static LoggingSettings defaults() {
    return new LoggingSettings(LogLevel.INFO);
  }
}
