package io.switchboard.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class StaffingCommandTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int staffing(String... options) {
    String[] args = new String[options.length + 1];
    args[0] = "staffing";
    System.arraycopy(options, 0, args, 1, options.length);
    return Cli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  private String rowOf(int agents) {
    return out.toString().lines().filter(line -> line.matches("\\s*" + agents + "\\s.*")).findFirst().orElseThrow();
  }

  @Test
  void ten_erlangs_need_14_agents_and_the_table_shows_13_falling_short() {
    assertThat(staffing("--calls", "120", "--interval", "1h", "--aht", "300", "--sl", "80/20")).isZero();

    assertThat(out.toString()).contains("Erlang C", "10.00 erlangs", "agents  service level       ASA  P(wait)");
    assertThat(rowOf(14)).contains("86.66%", "13.06 s", "0.1741", "<- needed");
    assertThat(rowOf(13)).contains("76.64%").doesNotContain("<-");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void half_hour_intervals_and_minutes_are_understood() {
    assertThat(staffing("--calls", "360", "--interval", "30m", "--aht", "4m", "--sl", "80%/15s")).isZero();

    assertThat(rowOf(55)).contains("84.59%", "8.18 s", "0.2387", "<- needed");
  }

  @Test
  void a_given_staff_with_a_patience_is_rated_with_erlang_a_and_shows_abandonment() {
    assertThat(staffing("--calls", "120", "--aht", "300", "--sl", "80/20", "--agents", "14", "--patience", "2m"))
        .isZero();

    assertThat(out.toString()).contains("Erlang A", "mean patience 120 s", "abandoned");
    assertThat(rowOf(14)).contains("92.41%", "2.83%", "<- given");
  }

  @Test
  void a_service_level_written_as_a_fraction_is_refused_with_exit_2_naming_the_option() {
    assertThat(staffing("--calls", "120", "--aht", "300", "--sl", "0.8")).isEqualTo(ExitCode.USAGE.code());

    assertThat(err.toString().lines()).singleElement().asString().contains("--sl", "80/20");
  }

  @Test
  void a_percentage_above_100_is_refused_with_exit_2() {
    assertThat(staffing("--calls", "120", "--aht", "300", "--sl", "150/20")).isEqualTo(ExitCode.USAGE.code());

    assertThat(err.toString()).contains("--sl", "at most 100");
  }

  @Test
  void zero_calls_are_refused_with_exit_2_naming_the_option() {
    assertThat(staffing("--calls", "0", "--aht", "300", "--sl", "80/20")).isEqualTo(ExitCode.USAGE.code());

    assertThat(err.toString().lines()).singleElement().asString().startsWith("switchboard: --calls must be a number above 0");
  }

  @Test
  void too_few_agents_without_abandonment_is_refused_with_exit_2_and_a_reason() {
    assertThat(staffing("--calls", "120", "--aht", "300", "--sl", "80/20", "--agents", "9"))
        .isEqualTo(ExitCode.USAGE.code());

    assertThat(err.toString()).contains("--agents", "cannot keep up with 10.00 erlangs");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void help_lists_the_staffing_command() {
    assertThat(Cli.execute(new String[] {"--help"}, new PrintWriter(out, true), new PrintWriter(err, true))).isZero();

    assertThat(out.toString()).contains("staffing ");
  }
}
