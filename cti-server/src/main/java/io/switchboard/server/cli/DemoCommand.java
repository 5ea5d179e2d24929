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
import io.switchboard.sim.asterisk.AsteriskSimulator;
import io.switchboard.sim.asterisk.SimulatorConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code switchboard demo}: one node on embedded defaults, for trying Switchboard out, attached over AMI
 * to an in-process simulated Asterisk ({@code pbx/demo-asterisk}) on a free loopback port.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
        "Try Switchboard: one node on built-in defaults, no configuration file needed.",
        "",
        "Starts an embedded MariaDB, a single Hazelcast member on loopback, a simulated Asterisk (AMI on a"
            + " free loopback port, attached as PBX demo-asterisk) and HTTP on localhost, then prints the URL"
            + " to open. Stop it with Ctrl-C.",
        ""
    })
final class DemoCommand implements Callable<Integer> {

  static final String DEMO_PBX = "demo-asterisk";
  static final String DEMO_USER = "demo";
  private static final Logger LOG = LoggerFactory.getLogger(DemoCommand.class);

  @Option(names = "--port", paramLabel = "N", defaultValue = "8080",
      description = "HTTP port on localhost (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "Where the embedded MariaDB keeps its files (default: ~/.local/share/switchboard/mariadb).")
  Path dataDir;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    if (port < 0 || port > 65535) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--port must be between 0 and 65535, got " + port);
    }
    SwitchboardConfig defaults = ConfigLoader.defaults().config();
    DatabaseConfig database = dataDir == null ? defaults.database()
        : defaults.database().withEmbedded(new EmbeddedDatabaseSettings(dataDir.toString(), 0));
    // A fresh secret per run: nothing to leak, nothing to configure.
    String secret = UUID.randomUUID().toString();
    AsteriskSimulator asterisk = new AsteriskSimulator(SimulatorConfig.of(DEMO_USER, secret)).start(0);
    try {
      LOG.info("event=demo-asterisk-started pbx={} ami=127.0.0.1:{} user={}", DEMO_PBX, asterisk.port(), DEMO_USER);
      SwitchboardConfig config = defaults.withHttp(new HttpSettings("127.0.0.1", port)).withDatabase(database)
          .withPbx(List.of(new PbxConnection(DEMO_PBX, PbxType.ASTERISK, "127.0.0.1", asterisk.port(), DEMO_USER,
              new Secret(secret))));
      return NodeRunner.runUntilStopped(new LoadedConfig(config, "demo defaults", List.of()), server -> {
        spec.commandLine().getOut().println(
            "Switchboard demo is running: open http://localhost:" + server.httpPort() + "/");
        spec.commandLine().getOut().flush();
      }, asterisk::stop);
    } catch (RuntimeException | InterruptedException e) {
      asterisk.stop();
      throw e;
    }
  }
}
