package io.switchboard.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code logging.level}: the threshold for Switchboard's own loggers. */
public enum LogLevel {
  /** Everything, including each routing decision. */
  @JsonProperty("trace") TRACE,
  /** Diagnostic detail, including stack traces of user errors. */
  @JsonProperty("debug") DEBUG,
  /** Lifecycle events: started, connected, stopped. */
  @JsonProperty("info") INFO,
  /** Only things an operator should look at. */
  @JsonProperty("warn") WARN,
  /** Only failures. */
  @JsonProperty("error") ERROR
}
