package io.switchboard.server.cli;

import io.switchboard.server.config.ConfigLoader;
import io.switchboard.server.config.DatabaseConfig;
import io.switchboard.server.config.EmbeddedDatabaseSettings;
import io.switchboard.server.config.HttpSettings;
import io.switchboard.server.config.LoadedConfig;
import io.switchboard.server.config.SwitchboardConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code switchboard demo}: one node on embedded defaults, for trying Switchboard out. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
        "Try Switchboard: one node on built-in defaults, no configuration file needed.",
        "",
        "Starts an embedded MariaDB, a single Hazelcast member on loopback and HTTP on localhost, then"
            + " prints the URL to open. Stop it with Ctrl-C.",
        ""
    })
final class DemoCommand implements Callable<Integer> {

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
    SwitchboardConfig config = defaults.withHttp(new HttpSettings("127.0.0.1", port)).withDatabase(database);
    return NodeRunner.runUntilStopped(new LoadedConfig(config, "demo defaults", java.util.List.of()), server -> {
      spec.commandLine().getOut().println(
          "Switchboard demo is running: open http://localhost:" + server.httpPort() + "/");
      spec.commandLine().getOut().flush();
    });
  }
}
