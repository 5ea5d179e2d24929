package io.switchboard.server.cli;

import io.switchboard.server.cluster.HazelcastSetup;
import java.io.PrintWriter;
import picocli.CommandLine;

/** Builds and runs the picocli command tree; returns the exit code instead of exiting, for tests. */
public final class Cli {

  private Cli() {}

  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    HazelcastSetup.prepareProcess();
    LoggingSetup.bridgeJul();
    Failures failures = new Failures();
    CommandLine cli = new CommandLine(new SwitchboardCommand())
        .setOut(out)
        .setErr(err)
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setUsageHelpWidth(100)
        .setParameterExceptionHandler(failures)
        .setExecutionExceptionHandler(failures);
    return cli.execute(args);
  }

  /** Writes out the queued log lines and stops logging; for {@code main}, just before the process exits. */
  public static void flushLogs() {
    LoggingSetup.flush();
  }
}
