package io.switchboard.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Cli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  private String[] errLines() {
    return err.toString().lines().toArray(String[]::new);
  }

  @Test
  void help_explains_run_demo_and_migrate() {
    assertThat(run("--help")).isZero();

    assertThat(out.toString()).contains("run ", "demo ", "migrate ", "pbx-sim ", "Exit codes", "docs/configuration.md");
  }

  @Test
  void pbx_sim_passes_its_options_to_the_simulator_which_explains_them() {
    java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
    java.io.PrintStream original = System.out;
    System.setOut(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
    try {
      assertThat(run("pbx-sim", "--help")).isZero();
    } finally {
      System.setOut(original);
    }

    assertThat(out.toString()).isEmpty();
    assertThat(captured.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("--ami-port", "--seed");
  }

  @Test
  void the_help_subcommand_explains_a_command() {
    assertThat(run("help", "demo")).isZero();

    assertThat(out.toString()).contains("--port", "embedded");
  }

  @Test
  void the_demo_explains_its_pbx_choice() {
    assertThat(run("help", "demo")).isZero();

    assertThat(out.toString()).contains("--pbx=asterisk|freeswitch", "demo-freeswitch");
  }

  @Test
  void a_demo_pbx_that_cannot_be_simulated_exits_2_naming_the_option() {
    assertThat(run("demo", "--pbx", "yate", "--port", "0")).isEqualTo(ExitCode.USAGE.code());

    assertThat(errLines()).containsExactly(
        "switchboard: --pbx must be asterisk or freeswitch, got 'yate' (see 'switchboard demo --help')");
  }

  @Test
  void version_prints_a_version() {
    assertThat(run("--version")).isZero();

    assertThat(out.toString()).startsWith("switchboard ");
  }

  @Test
  void an_unknown_config_key_exits_3_with_one_line_and_no_stack_trace() throws IOException {
    Path config = Files.writeString(dir.resolve("config.yaml"), "databse:\n  url: jdbc:mariadb://db/sb\n");

    assertThat(run("run", "--config", config.toString())).isEqualTo(ExitCode.CONFIG.code());

    assertThat(errLines()).containsExactly(
        config + ": unknown key 'databse.url' (did you mean 'database.url'?)");
  }

  @Test
  void a_wrong_type_exits_3_naming_key_and_file() throws IOException {
    Path config = Files.writeString(dir.resolve("config.yaml"), "http:\n  port: eighty\n");

    assertThat(run("migrate", "--config", config.toString())).isEqualTo(ExitCode.CONFIG.code());

    assertThat(errLines()).containsExactly(config + ": key 'http.port' must be an integer, got 'eighty'");
  }

  @Test
  void a_missing_config_file_exits_3() {
    assertThat(run("run", "--config", dir.resolve("absent.yaml").toString())).isEqualTo(3);

    assertThat(errLines()).hasSize(1);
    assertThat(errLines()[0]).contains("absent.yaml").contains("does not exist");
  }

  @Test
  void a_missing_option_exits_2_with_one_line() {
    assertThat(run("run")).isEqualTo(ExitCode.USAGE.code());

    assertThat(errLines()).hasSize(1);
    assertThat(errLines()[0]).contains("--config").doesNotContain("Exception");
  }

  @Test
  void an_unknown_command_exits_2() {
    assertThat(run("start")).isEqualTo(2);

    assertThat(errLines()).hasSize(1);
    assertThat(err.toString()).doesNotContain("\tat ");
  }

  @Test
  void failures_map_to_documented_exit_codes() {
    assertThat(Failures.classify(new io.switchboard.server.config.ConfigException("x"))).isEqualTo(ExitCode.CONFIG);
    assertThat(Failures.classify(new io.switchboard.server.runtime.StartupException(
        io.switchboard.server.runtime.StartupException.Stage.HTTP, "x", null))).isEqualTo(ExitCode.HTTP);
    assertThat(Failures.classify(new IllegalStateException("bug"))).isEqualTo(ExitCode.INTERNAL_ERROR);
  }
}
