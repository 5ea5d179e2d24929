package io.switchboard.server.cli;

import io.switchboard.core.dialer.Jurisdiction;
import io.switchboard.queue.dialer.sim.DialerSimulator;
import io.switchboard.queue.dialer.sim.DialerSimulator.Mode;
import io.switchboard.queue.dialer.sim.SimParameters;
import io.switchboard.queue.dialer.sim.SimSummary;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code switchboard simulate}: shifts of a predictive campaign and of the progressive baseline through the
 * dialer's own pacer, in simulated time, printed as a small table.
 */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
        "Simulates shifts of a campaign, one per seed, through the dialer's own predictive pacer and the"
            + " progressive baseline, and prints occupancy, idle time between calls, abandonment and connects.",
        "Deterministic by seed. Works offline: no configuration, database or PBX. Details: docs/dialer.md",
        ""
    },
    footerHeading = "%n",
    footer = {
        "Examples:",
        "  switchboard simulate --agents 20",
        "  switchboard simulate --agents 50 --seeds 10 --answer-rate 0.25 --talk 3m --abandon-target 1.5",
        "",
        "Exit 2 when an option is wrong; the message says which."
    })
final class SimulateCommand implements Callable<Integer> {

  private static final Map<String, String> OPTIONS = Map.of("agents", "--agents", "hours", "--hours",
      "liveAnswerRate", "--answer-rate", "machineRate", "--machine-rate", "talkMeanSeconds", "--talk",
      "wrapSeconds", "--wrap", "ringTimeoutSeconds", "--ring-timeout", "abandonTargetPercent", "--abandon-target",
      "abandonCapPercent", "--jurisdiction");

  /** Which pacing the table shows. */
  enum Modes {
    /** The predictive pacer and the progressive baseline. */
    BOTH,
    /** The predictive pacer only. */
    PREDICTIVE,
    /** The progressive baseline only. */
    PROGRESSIVE
  }

  @Option(names = "--agents", paramLabel = "N", defaultValue = "20",
      description = "Agents logged in for the whole shift (default: ${DEFAULT-VALUE}).")
  int agents;

  @Option(names = "--seeds", paramLabel = "N", defaultValue = "100",
      description = "Shifts to simulate, seeds 1 to N (default: ${DEFAULT-VALUE}).")
  int seeds;

  @Option(names = "--hours", paramLabel = "H", defaultValue = "8",
      description = "Length of a shift in hours (default: ${DEFAULT-VALUE}).")
  double hours;

  @Option(names = "--answer-rate", paramLabel = "P", defaultValue = "0.30",
      description = "Chance a call is answered by a person (default: ${DEFAULT-VALUE}).")
  double answerRate;

  @Option(names = "--machine-rate", paramLabel = "P", defaultValue = "0.10",
      description = "Chance a call is answered by a machine; the rest ring out (default: ${DEFAULT-VALUE}).")
  double machineRate;

  @Option(names = "--talk", paramLabel = "DURATION", defaultValue = "120", converter = StaffingCommand.Seconds.class,
      description = "Mean talk time, exponential: 120, 120s, 2m (default: ${DEFAULT-VALUE} s).")
  double talkSeconds;

  @Option(names = "--wrap", paramLabel = "DURATION", defaultValue = "10", converter = StaffingCommand.Seconds.class,
      description = "Wrap-up after every call (default: ${DEFAULT-VALUE} s).")
  double wrapSeconds;

  @Option(names = "--ring-timeout", paramLabel = "DURATION", defaultValue = "25",
      converter = StaffingCommand.Seconds.class,
      description = "How long an unanswered call rings, 15 to 120 s (default: ${DEFAULT-VALUE} s).")
  double ringTimeoutSeconds;

  @Option(names = "--abandon-target", paramLabel = "PERCENT", defaultValue = "2.0",
      description = "The campaign's abandon target, percent of live answers (default: ${DEFAULT-VALUE}).")
  double abandonTarget;

  @Option(names = "--jurisdiction", paramLabel = "us|uk|ca", defaultValue = "us",
      description = "Whose abandon cap applies: us 3%, uk 3%, ca 5% (default: ${DEFAULT-VALUE}).")
  Jurisdiction jurisdiction;

  @Option(names = "--mode", paramLabel = "both|predictive|progressive", defaultValue = "both",
      description = "Which pacing to simulate (default: ${DEFAULT-VALUE}).")
  Modes mode;

  @Option(names = "--threads", paramLabel = "N",
      description = "Threads running the shifts (default: the processors); the results do not depend on it.")
  Integer threads;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    SimParameters parameters = parameters();
    if (seeds < 1 || seeds > 10_000) {
      throw new ParameterException(spec.commandLine(), "--seeds must be between 1 and 10000, was " + seeds);
    }
    int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    if (workers < 1 || workers > 256) {
      throw new ParameterException(spec.commandLine(), "--threads must be between 1 and 256, was " + workers);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf(Locale.ROOT, "%d shifts of %s h, %d agents: live answers %s%%, machines %s%%, talk %s s (exponential),"
            + " wrap-up %s s, ring timeout %s s; abandon target %s%% (%s cap %s%%)%n%n", seeds, number(hours), agents,
        number(answerRate * 100), number(machineRate * 100), number(talkSeconds), number(wrapSeconds),
        number(ringTimeoutSeconds), number(abandonTarget), jurisdiction.slug(),
        number(jurisdiction.abandonCapPercent()));
    out.println("mode         occupancy  idle between calls  abandoned: mean daily  p99 daily  worst hour"
        + "  connects per agent-hour");
    DialerSimulator simulator = new DialerSimulator(parameters);
    long started = System.nanoTime();
    for (Mode each : modes()) {
      out.println(row(each, simulator.shifts(each, seeds, workers)));
      out.flush();
    }
    out.printf(Locale.ROOT, "%nOccupancy is talk time over logged-in time; its ceiling here, talk / (talk + wrap-up),"
        + " is %.1f%%. Simulated in %.1f s.%n", 100 * talkSeconds / (talkSeconds + wrapSeconds),
        (System.nanoTime() - started) / 1e9);
    out.flush();
    return ExitCode.OK.code();
  }

  private SimParameters parameters() {
    try {
      return new SimParameters(agents, hours, answerRate, machineRate, talkSeconds, wrapSeconds,
          ringTimeoutSeconds, abandonTarget, jurisdiction.abandonCapPercent());
    } catch (IllegalArgumentException e) {
      String message = e.getMessage();
      String field = message.substring(0, Math.max(0, message.indexOf(' ')));
      throw new ParameterException(spec.commandLine(),
          OPTIONS.getOrDefault(field, field) + message.substring(field.length()));
    }
  }

  private List<Mode> modes() {
    return switch (mode) {
      case BOTH -> List.of(Mode.PREDICTIVE, Mode.PROGRESSIVE);
      case PREDICTIVE -> List.of(Mode.PREDICTIVE);
      case PROGRESSIVE -> List.of(Mode.PROGRESSIVE);
    };
  }

  private static String row(Mode mode, SimSummary summary) {
    return String.format(Locale.ROOT, "%-11s  %8.1f%%  %16.1f s  %20.2f%%  %8.2f%%  %9.2f%%  %23.1f",
        mode.name().toLowerCase(Locale.ROOT), summary.occupancy() * 100, summary.idleBetweenCalls(),
        summary.meanDailyAbandonPercent(), summary.p99DailyAbandonPercent(), summary.worstHourAbandonPercent(),
        summary.connectsPerAgentHour());
  }

  private static String number(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15
        ? Long.toString((long) value) : String.format(Locale.ROOT, "%s", value);
  }
}
