package io.switchboard.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.server.config.PbxType;
import io.switchboard.sim.traffic.TrafficProfile;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoCommandTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Cli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void the_demo_explains_its_traffic_options() {
    assertThat(run("help", "demo")).isZero();

    assertThat(out.toString()).contains("--calls-per-minute=RATE", "--no-traffic", "--seed=N", "Poisson");
  }

  @Test
  void a_rate_of_zero_exits_2_naming_the_option_and_pointing_at_no_traffic_instead() {
    assertThat(run("demo", "--calls-per-minute", "0", "--port", "0")).isEqualTo(ExitCode.USAGE.code());

    assertThat(err.toString().lines()).first().isEqualTo(
        "switchboard: --calls-per-minute must be above 0 and at most 600, got 0.0 (see 'switchboard demo --help')");
  }

  @Test
  void a_rate_above_600_a_negative_one_and_nan_are_refused_before_anything_starts() {
    for (String rate : new String[] {"600.5", "-3", "NaN", "Infinity"}) {
      assertThat(run("demo", "--calls-per-minute", rate, "--port", "0")).as(rate).isEqualTo(ExitCode.USAGE.code());
    }
    assertThat(err.toString().lines().filter(l -> l.startsWith("switchboard: --calls-per-minute must be")))
        .hasSize(4);
  }

  @Test
  void a_rate_that_is_not_a_number_is_refused_naming_the_option() {
    assertThat(run("demo", "--calls-per-minute", "lots", "--port", "0")).isEqualTo(ExitCode.USAGE.code());

    assertThat(err.toString()).contains("--calls-per-minute", "lots");
  }

  @Test
  void the_traffic_shares_the_rate_over_the_demo_queues_and_answers_every_demo_agent_phone() {
    TrafficProfile profile = DemoTraffic.profile(12, PbxType.ASTERISK);

    assertThat(profile.inboundPerMinute()).containsOnlyKeys("4930100100", "4930100200", "4930100300");
    assertThat(profile.inboundPerMinute().values().stream().mapToDouble(Double::doubleValue).sum())
        .isCloseTo(12, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(profile.agentAnswers()).isEqualTo(1.0);
    for (DemoFloor.DemoAgent agent : DemoFloor.AGENTS) {
      assertThat(DemoFloor.device(PbxType.ASTERISK, agent.extension())).startsWith(profile.agentDevicePrefix());
      assertThat(DemoFloor.device(PbxType.FREESWITCH, agent.extension()))
          .startsWith(DemoTraffic.profile(12, PbxType.FREESWITCH).agentDevicePrefix()).endsWith("@default");
    }
  }

  @Test
  void the_banner_names_every_queue_and_the_urls_to_watch() {
    String banner = DemoBanner.text(8080, 6, "demo-token");

    assertThat(banner).contains("Sales", "Technical support", "Billing", "fewest-calls, skills and a workflow",
        "6 inbound calls per minute", "http://localhost:8080/api/v1/kpis",
        "http://localhost:8080/api/v1/queue-log?queue=4930100200", "ws://localhost:8080/api/v1/kpis/stream");
    assertThat(DemoBanner.text(8080, 0, "demo-token")).contains("Traffic: none (--no-traffic)");
  }

  @Test
  void the_banner_gives_each_page_its_sign_in_lines() {
    Map<String, String> logins = new LinkedHashMap<>();
    logins.put("ada", "pw-ada");
    logins.put(DemoUsers.SUPERVISOR, "pw-sup");

    String banner = DemoBanner.text(8080, 6, "demo-token", logins);

    assertThat(banner).contains("agent desktop          http://localhost:8080/app/desktop/  sign in as ada / pw-ada\n",
        "supervisor wallboard   http://localhost:8080/app/wallboard/  sign in as supervisor / pw-sup\n");
  }

  @Test
  void demo_passwords_are_random_and_long_enough_to_be_accepted() {
    java.security.SecureRandom random = new java.security.SecureRandom();

    assertThat(DemoUsers.password(random)).hasSize(16).isNotEqualTo(DemoUsers.password(random));
  }
}
