package io.switchboard.server.cli;

/** The process exit codes of {@code switchboard}; stable, documented in {@code --help}. */
public enum ExitCode {
  /** The command did what was asked. */
  OK(0),
  /** A bug: something failed that should not have; the log has the stack trace. */
  INTERNAL_ERROR(1),
  /** The command line was wrong: unknown command or option, missing {@code --config}. */
  USAGE(2),
  /** The configuration file or a {@code SWITCHBOARD_*} variable is invalid. */
  CONFIG(3),
  /** The database could not be started, reached or migrated. */
  DATABASE(4),
  /** The embedded Hazelcast member could not start or join its cluster. */
  CLUSTER(5),
  /** The HTTP server could not listen, usually because the port is in use. */
  HTTP(6),
  /** The server refused what was asked (an import with bad rows, a file that is not UTF-8 CSV); the report says why. */
  REFUSED(7),
  /** The server named by {@code --server} could not be reached, or answered what no Switchboard would. */
  UNREACHABLE(8);

  private final int code;

  ExitCode(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }
}
