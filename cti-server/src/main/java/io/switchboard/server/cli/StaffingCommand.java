package io.switchboard.server.cli;

import io.switchboard.queue.staffing.QueueMetrics;
import io.switchboard.queue.staffing.Staffing;
import io.switchboard.queue.staffing.StaffingAnswer;
import io.switchboard.queue.staffing.StaffingModel;
import io.switchboard.queue.staffing.StaffingOutcome;
import io.switchboard.queue.staffing.StaffingQuestion;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code switchboard staffing}: Erlang C or Erlang A staffing for one interval, printed as a small table. */
@Command(
    name = "staffing",
    mixinStandardHelpOptions = true,
    description = {
        "How many agents a queue needs for a service level (Erlang C), or how a given staff performs.",
        "With --patience callers hang up after that mean wait (Erlang A), and the table adds abandonment.",
        "Works offline: no configuration, database or PBX. Details: docs/staffing.md",
        ""
    },
    footerHeading = "%n",
    footer = {
        "Examples:",
        "  switchboard staffing --calls 120 --interval 1h --aht 300 --sl 80/20",
        "  switchboard staffing --calls 120 --aht 5m --sl 80/20 --agents 13 --patience 2m",
        "",
        "Exit 2 when an option is wrong or the question has no answer (too few agents for Erlang C,"
            + " a target beyond 10000 agents); the message says which."
    })
final class StaffingCommand implements Callable<Integer> {

  private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(s|m|h)?");
  private static final Pattern SERVICE_LEVEL = Pattern.compile("(\\d+(?:\\.\\d+)?)%?/(\\d+(?:\\.\\d+)?)s?");
  private static final Map<String, String> OPTIONS = Map.of("callsPerInterval", "--calls",
      "intervalSeconds", "--interval", "ahtSeconds", "--aht", "serviceLevel", "--sl", "answerWithinSeconds", "--sl",
      "agents", "--agents", "patienceSeconds", "--patience");

  @Option(names = "--calls", required = true, paramLabel = "N", description = "Calls offered in the interval.")
  double calls;

  @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "1h", converter = Seconds.class,
      description = "Length of the interval: 3600, 1800s, 30m, 1h (default: ${DEFAULT-VALUE}).")
  double intervalSeconds;

  @Option(names = "--aht", required = true, paramLabel = "DURATION", converter = Seconds.class,
      description = "Average handling time (talk, hold, wrap-up): 300, 300s, 5m.")
  double ahtSeconds;

  @Option(names = "--sl", required = true, paramLabel = "PERCENT/SECONDS", converter = ServiceLevelGoal.class,
      description = "Service level: 80/20 is 80% of calls answered within 20 s.")
  Goal goal;

  @Option(names = "--agents", paramLabel = "N",
      description = "A given staff: show how it performs instead of searching for the agents needed.")
  Integer agents;

  @Option(names = "--patience", paramLabel = "DURATION", converter = Seconds.class,
      description = "Mean time callers wait before hanging up: switches to Erlang A.")
  Double patienceSeconds;

  @Spec CommandSpec spec;

  /** A service-level target: a share answered within some seconds. */
  record Goal(double share, double withinSeconds) {}

  @Override
  public Integer call() {
    StaffingQuestion question = new StaffingQuestion(calls, intervalSeconds, ahtSeconds,
        OptionalDouble.of(goal.share()), goal.withinSeconds(),
        agents == null ? OptionalInt.empty() : OptionalInt.of(agents),
        patienceSeconds == null ? OptionalDouble.empty() : OptionalDouble.of(patienceSeconds));
    StaffingAnswer answer = answered(Staffing.answer(question));
    PrintWriter out = spec.commandLine().getOut();
    boolean erlangA = answer.model() == StaffingModel.ERLANG_A;
    out.printf(Locale.ROOT, "%s: %s calls per %s, AHT %s s: %.2f erlangs; target %s%% answered within %s s%s%n%n",
        erlangA ? "Erlang A" : "Erlang C", number(calls), number(intervalSeconds) + " s",
        number(ahtSeconds), answer.erlangs(), number(goal.share() * 100),
        number(goal.withinSeconds()), erlangA ? ", mean patience " + number(patienceSeconds) + " s" : "");
    out.println("agents  service level       ASA  P(wait)  occupancy" + (erlangA ? "  abandoned" : ""));
    for (int count = answer.agents() - 1; count <= answer.agents() + 1; count++) {
      if (count >= 1 && count <= StaffingQuestion.MAX_AGENTS
          && Staffing.answer(question.withAgents(count)) instanceof StaffingAnswer row) {
        out.println(row(row.metrics(), erlangA) + marker(count, answer));
      }
    }
    out.flush();
    return ExitCode.OK.code();
  }

  private StaffingAnswer answered(StaffingOutcome outcome) {
    if (outcome instanceof StaffingAnswer answer) {
      return answer;
    }
    String message;
    if (outcome instanceof StaffingOutcome.InvalidInput invalid) {
      message = OPTIONS.getOrDefault(invalid.field(), invalid.field()) + " " + invalid.reason();
    } else if (outcome instanceof StaffingOutcome.Overloaded overloaded) {
      message = "--agents: " + overloaded.message();
    } else if (outcome instanceof StaffingOutcome.TargetUnreachable unreachable) {
      message = "--sl: " + unreachable.message();
    } else {
      message = "--patience: " + ((StaffingOutcome.QueueTooLong) outcome).message();
    }
    throw new ParameterException(spec.commandLine(), message);
  }

  private static String row(QueueMetrics metrics, boolean erlangA) {
    String row = String.format(Locale.ROOT, "%6d  %12.2f%%  %7.2f s  %7.4f  %8.1f%%", metrics.agents(),
        metrics.serviceLevel() * 100, metrics.asaSeconds(), metrics.waitProbability(), metrics.occupancy() * 100);
    return erlangA ? row + String.format(Locale.ROOT, "  %8.2f%%", metrics.abandonmentProbability() * 100) : row;
  }

  private String marker(int count, StaffingAnswer answer) {
    if (count != answer.agents()) {
      return "";
    }
    return agents != null ? "   <- given" + (answer.meetsTarget() ? "" : ", misses the target") : "   <- needed";
  }

  private static String number(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15
        ? Long.toString((long) value) : String.format(Locale.ROOT, "%s", value);
  }

  /** Parses {@code 90}, {@code 90s}, {@code 5m}, {@code 1h} into seconds. */
  static final class Seconds implements ITypeConverter<Double> {
    @Override
    public Double convert(String text) {
      Matcher m = DURATION.matcher(text.trim());
      if (!m.matches()) {
        throw new TypeConversionException("'" + text + "' is not a duration; write e.g. 300, 300s, 5m or 1h");
      }
      double value = Double.parseDouble(m.group(1));
      String unit = m.group(2) == null ? "s" : m.group(2);
      return value * switch (unit) {
        case "h" -> 3600;
        case "m" -> 60;
        default -> 1;
      };
    }
  }

  /** Parses {@code 80/20} (or {@code 80%/20s}) into a share of 0.8 within 20 seconds. */
  static final class ServiceLevelGoal implements ITypeConverter<Goal> {
    @Override
    public Goal convert(String text) {
      Matcher m = SERVICE_LEVEL.matcher(text.trim());
      if (!m.matches()) {
        throw new TypeConversionException("'" + text + "' is not a service level; write PERCENT/SECONDS, e.g. 80/20");
      }
      double percent = Double.parseDouble(m.group(1));
      if (percent <= 0 || percent > 100) {
        throw new TypeConversionException("'" + text + "': the percentage must be above 0 and at most 100");
      }
      return new Goal(percent / 100, Double.parseDouble(m.group(2)));
    }
  }
}
