package io.switchboard.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class SimulateCommandTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int simulate(String... options) {
    String[] args = new String[options.length + 1];
    args[0] = "simulate";
    System.arraycopy(options, 0, args, 1, options.length);
    return Cli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  private String rowOf(String mode) {
    return out.toString().lines().filter(line -> line.startsWith(mode + " ")).findFirst().orElseThrow();
  }

  @Test
  void a_short_run_prints_the_predictive_pacer_beside_the_progressive_baseline() {
    assertThat(simulate("--agents", "10", "--seeds", "2", "--hours", "1", "--threads", "1")).isZero();

    assertThat(out.toString()).contains("2 shifts of 1 h, 10 agents: live answers 30%, machines 10%, talk 120 s",
        "abandon target 2% (us cap 3%)", "occupancy  idle between calls  abandoned: mean daily  p99 daily",
        "ceiling here, talk / (talk + wrap-up), is 92.3%");
    assertThat(rowOf("predictive")).matches("predictive\\s+\\d+\\.\\d%\\s+\\d+\\.\\d s(\\s+\\d+\\.\\d\\d%){3}\\s+\\d+\\.\\d");
    assertThat(rowOf("progressive")).contains("0.00%");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void the_same_options_print_the_same_figures_whatever_the_threads() {
    simulate("--agents", "8", "--seeds", "3", "--hours", "1", "--mode", "predictive", "--threads", "1");
    String oneThread = rowOf("predictive");
    out.getBuffer().setLength(0);

    simulate("--agents", "8", "--seeds", "3", "--hours", "1", "--mode", "predictive", "--threads", "3");

    assertThat(rowOf("predictive")).isEqualTo(oneThread);
    assertThat(out.toString()).doesNotContain("progressive ");
  }

  @Test
  void minutes_are_understood_for_the_talk_time() {
    assertThat(simulate("--agents", "5", "--seeds", "1", "--hours", "1", "--talk", "3m", "--wrap", "0",
        "--mode", "progressive")).isZero();

    assertThat(out.toString()).contains("talk 180 s", "wrap-up 0 s", "is 100.0%");
  }

  @Test
  void an_answer_rate_above_one_is_refused_with_exit_2_naming_the_option() {
    assertThat(simulate("--answer-rate", "1.5")).isEqualTo(ExitCode.USAGE.code());

    assertThat(err.toString()).contains("--answer-rate must be above 0 and at most 1, was 1.5");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void an_abandon_target_above_the_jurisdictions_cap_is_refused_naming_the_option() {
    assertThat(simulate("--abandon-target", "4", "--jurisdiction", "uk")).isEqualTo(ExitCode.USAGE.code());

    assertThat(err.toString()).contains("--abandon-target must be above 0 and at most the cap 3.0");
  }

  @Test
  void a_canadian_campaign_may_aim_at_four_percent() {
    assertThat(simulate("--abandon-target", "4", "--jurisdiction", "ca", "--agents", "6", "--seeds", "1",
        "--hours", "1", "--mode", "progressive")).isZero();

    assertThat(out.toString()).contains("abandon target 4% (ca cap 5%)");
  }

  @Test
  void zero_seeds_are_refused_with_exit_2() {
    assertThat(simulate("--seeds", "0")).isEqualTo(ExitCode.USAGE.code());

    assertThat(err.toString()).contains("--seeds must be between 1 and 10000");
  }
}
