package io.switchboard.server.cli;

import io.switchboard.server.config.ConfigLoader;
import io.switchboard.server.config.DatabaseConfig;
import io.switchboard.server.config.EmbeddedDatabaseSettings;
import io.switchboard.server.config.HttpSettings;
import io.switchboard.server.config.LoadedConfig;
import io.switchboard.server.config.PbxConnection;
import io.switchboard.server.config.PbxType;
import io.switchboard.server.config.Secret;
import io.switchboard.server.config.SwitchboardConfig;
import io.switchboard.sim.SimulatedPbx;
import io.switchboard.sim.asterisk.AsteriskSimulator;
import io.switchboard.sim.asterisk.SimulatorConfig;
import io.switchboard.sim.freeswitch.FreeswitchConfig;
import io.switchboard.sim.freeswitch.FreeswitchSimulator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code switchboard demo}: one node on embedded defaults, for trying Switchboard out, attached to an
 * in-process simulated PBX on a free loopback port: Asterisk over AMI ({@code pbx/demo-asterisk}, the default)
 * or, with {@code --pbx freeswitch}, FreeSWITCH over ESL running Switchboard's glue ({@code pbx/demo-freeswitch}).
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
        "Try Switchboard: one node on built-in defaults, no configuration file needed.",
        "",
        "Starts an embedded MariaDB, a single Hazelcast member on loopback, a simulated PBX (Asterisk over AMI,"
            + " attached as PBX demo-asterisk, or with --pbx freeswitch FreeSWITCH over ESL, attached as"
            + " demo-freeswitch; either on a free loopback port) and HTTP on localhost, then prints the URL"
            + " to open. Stop it with Ctrl-C.",
        "",
        "It then creates eight agents with skills and three queues (Sales, Technical support, Billing; created"
            + " through the REST API, kept or replaced on a second start), makes the agents available on"
            + " auto-answering simulated phones and sends Poisson inbound traffic through the ACD.",
        ""
    })
final class DemoCommand implements Callable<Integer> {

  static final String DEMO_PBX = "demo-asterisk";
  static final String DEMO_FREESWITCH = "demo-freeswitch";
  static final String DEMO_USER = "demo";
  /** The simulated FreeSWITCH dials any {@code sofia/} target, so the demo names its carrier gateway plainly. */
  static final String DEMO_FREESWITCH_OUTBOUND = "sofia/gateway/demo-carrier/{number}";
  /** The simulated Asterisk dials any {@code SIP/} target; {@code Local/...@default} would need the admin's context. */
  static final String DEMO_ASTERISK_OUTBOUND = "SIP/{number}@demo-carrier";
  private static final Logger LOG = LoggerFactory.getLogger(DemoCommand.class);

  @Option(names = "--port", paramLabel = "N", defaultValue = "8080",
      description = "HTTP port on localhost (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "Where the embedded MariaDB keeps its files (default: ~/.local/share/switchboard/mariadb).")
  Path dataDir;

  @Option(names = "--pbx", paramLabel = "asterisk|freeswitch", defaultValue = "asterisk",
      description = "Which PBX to simulate and attach to (default: ${DEFAULT-VALUE}).")
  String pbx;

  @Option(names = "--calls-per-minute", paramLabel = "RATE", defaultValue = "6",
      description = "Simulated inbound calls per minute over all demo queues, above 0 and at most 600"
          + " (default: ${DEFAULT-VALUE}; the eight demo agents take about 8).")
  double callsPerMinute;

  @Option(names = "--no-traffic",
      description = "Create the demo agents and queues but send no simulated calls.")
  boolean noTraffic;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
      description = "Seed of the simulated traffic: the same seed draws the same callers (default: ${DEFAULT-VALUE}).")
  long seed;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    if (port < 0 || port > 65535) {
      throw new ParameterException(spec.commandLine(), "--port must be between 0 and 65535, got " + port);
    }
    if (!(callsPerMinute > 0 && callsPerMinute <= DemoTraffic.MAX_CALLS_PER_MINUTE)) {
      throw new ParameterException(spec.commandLine(), "--calls-per-minute must be above 0 and at most "
          + (int) DemoTraffic.MAX_CALLS_PER_MINUTE + ", got " + callsPerMinute);
    }
    PbxType type = pbxType();
    SwitchboardConfig defaults = ConfigLoader.defaults().config();
    DatabaseConfig database = dataDir == null ? defaults.database()
        : defaults.database().withEmbedded(new EmbeddedDatabaseSettings(dataDir.toString(), 0));
    // A fresh secret per run: nothing to leak, nothing to configure.
    String secret = UUID.randomUUID().toString();
    SimulatedPbx simulator = type == PbxType.FREESWITCH
        ? new FreeswitchSimulator(FreeswitchConfig.of(secret)).start(0) // routes with the shipped glue
        : new AsteriskSimulator(SimulatorConfig.of(DEMO_USER, secret)).start(0);
    try {
      PbxConnection attached = attach(type, simulator.port(), secret);
      // Also fresh per run: the demo's admin token, for its own set-up calls and for the visitor.
      String adminToken = "demo-" + UUID.randomUUID();
      SwitchboardConfig config = defaults.withHttp(new HttpSettings("127.0.0.1", port)
              .withAuth(defaults.http().auth().withAdminToken(new Secret(adminToken)))).withDatabase(database)
          .withPbx(List.of(attached));
      return NodeRunner.runUntilStopped(new LoadedConfig(config, "demo defaults", List.of()), server -> {
        DemoApi api = new DemoApi(server.httpPort(), adminToken);
        setUpFloor(api, type);
        Map<String, String> logins = demoUsers(api);
        if (!noTraffic) {
          DemoTraffic.start(simulator, callsPerMinute, type, seed);
          setUpCampaign(api, type);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(DemoBanner.text(server.httpPort(), noTraffic ? 0 : callsPerMinute, adminToken, logins));
        out.println("Switchboard demo is running: open http://localhost:" + server.httpPort() + "/");
        out.flush();
      }, simulator::stop);
    } catch (RuntimeException | InterruptedException e) {
      simulator.stop();
      throw e;
    }
  }

  /** The pages' users: one per demo agent and a supervisor, with fresh passwords. */
  private static Map<String, String> demoUsers(DemoApi api) {
    try {
      return DemoUsers.create(api);
    } catch (IOException e) {
      throw new UncheckedIOException("demo users set-up: the node's own API did not answer", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("demo users set-up interrupted", e);
    }
  }

  /** The outbound side: it needs the traffic model, which answers the agents' lines and the customers. */
  private static void setUpCampaign(DemoApi api, PbxType type) {
    try {
      new DemoCampaign(api, type).setUp();
    } catch (IOException e) {
      throw new UncheckedIOException("demo campaign set-up: the node's own API did not answer", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("demo campaign set-up interrupted", e);
    }
  }

  private static void setUpFloor(DemoApi api, PbxType type) {
    try {
      new DemoFloor(api, type).setUp();
    } catch (IOException e) {
      throw new UncheckedIOException("demo set-up: the node's own API did not answer", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("demo set-up interrupted", e);
    }
  }

  private PbxType pbxType() {
    return switch (pbx.toLowerCase(Locale.ROOT)) {
      case "asterisk" -> PbxType.ASTERISK;
      case "freeswitch" -> PbxType.FREESWITCH;
      default -> throw new ParameterException(spec.commandLine(),
          "--pbx must be asterisk or freeswitch, got '" + pbx + "'");
    };
  }

  private static PbxConnection attach(PbxType type, int simulatorPort, String secret) {
    if (type == PbxType.FREESWITCH) {
      LOG.info("event=demo-pbx-started pbx={} type=freeswitch esl=127.0.0.1:{}", DEMO_FREESWITCH, simulatorPort);
      return new PbxConnection(DEMO_FREESWITCH, PbxType.FREESWITCH, "127.0.0.1", simulatorPort, null,
          new Secret(secret), DEMO_FREESWITCH_OUTBOUND, null, null, null);
    }
    LOG.info("event=demo-pbx-started pbx={} type=asterisk ami=127.0.0.1:{} user={}", DEMO_PBX, simulatorPort,
        DEMO_USER);
    return new PbxConnection(DEMO_PBX, PbxType.ASTERISK, "127.0.0.1", simulatorPort, DEMO_USER, new Secret(secret),
        DEMO_ASTERISK_OUTBOUND, null, null, null);
  }
}
