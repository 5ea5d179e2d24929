package io.switchboard.server.cli;

import io.switchboard.server.config.ConfigException;
import io.switchboard.server.http.HttpBindException;
import io.switchboard.server.persistence.DatabaseUnavailableException;
import io.switchboard.server.runtime.StartupException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns failures into one line on stderr and an {@link ExitCode}. Operator mistakes never show a
 * stack trace; unexpected ones show it only with {@code --verbose} (and always in the debug log).
 */
final class Failures implements IExecutionExceptionHandler, IParameterExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(Failures.class);

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    PrintWriter err = cmd.getErr();
    err.println("switchboard: " + ex.getMessage() + " (see '" + cmd.getCommandSpec().qualifiedName() + " --help')");
    err.flush();
    return ExitCode.USAGE.code();
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
    ExitCode code = classify(ex);
    PrintWriter err = cmd.getErr();
    String message = ex.getMessage() == null ? ex.getClass().getName() : ex.getMessage();
    err.println(code == ExitCode.INTERNAL_ERROR ? "switchboard: unexpected failure: " + message : message);
    if (verbose(parseResult)) {
      ex.printStackTrace(err);
    } else if (code == ExitCode.INTERNAL_ERROR) {
      err.println("(run again with --verbose for the stack trace)");
    }
    err.flush();
    LOG.debug("event=command-failed exit={}", code.code(), ex);
    return code.code();
  }

  static ExitCode classify(Throwable ex) {
    if (ex instanceof ConfigException) {
      return ExitCode.CONFIG;
    }
    if (ex instanceof DatabaseUnavailableException) {
      return ExitCode.DATABASE;
    }
    if (ex instanceof HttpBindException) {
      return ExitCode.HTTP;
    }
    if (ex instanceof StartupException startup) {
      return switch (startup.stage()) {
        case CLUSTER -> ExitCode.CLUSTER;
        case DATABASE -> ExitCode.DATABASE;
        case HTTP -> ExitCode.HTTP;
      };
    }
    return ExitCode.INTERNAL_ERROR;
  }

  private static boolean verbose(ParseResult parseResult) {
    for (ParseResult p = parseResult; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption("--verbose")) {
        return true;
      }
    }
    return false;
  }
}
