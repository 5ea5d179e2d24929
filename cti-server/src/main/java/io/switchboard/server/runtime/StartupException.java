package io.switchboard.server.runtime;

/** Startup stopped at {@link #stage()}; the message is one line for the operator, naming what to fix. */
public final class StartupException extends RuntimeException {

  /** Where startup stopped. */
  public enum Stage {
    /** The embedded Hazelcast member (and with it the clustered Vert.x) did not start. */
    CLUSTER,
    /** The database could not be started, reached or migrated. */
    DATABASE,
    /** The HTTP server could not listen. */
    HTTP
  }

  private final Stage stage;

  public StartupException(Stage stage, String message, Throwable cause) {
    super(message, cause);
    this.stage = stage;
  }

  public Stage stage() {
    return stage;
  }
}
