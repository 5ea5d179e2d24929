package io.switchboard.server.cli;

import io.switchboard.server.config.ConfigLoader;
import io.switchboard.server.config.LoadedConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code switchboard run --config FILE}: the production entry point. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
        "Run a node with a configuration file until stopped (SIGTERM or Ctrl-C).",
        "",
        "Applies pending database migrations, starts the embedded Hazelcast member, then serves HTTP:"
            + " /status, /health/live, /health/ready, /metrics, /api/openapi.yaml and /api/v1."
            + " SWITCHBOARD_* environment variables override keys of the file; every key is in"
            + " docs/configuration.md.",
        ""
    })
final class RunCommand implements Callable<Integer> {

  @Option(names = {"-c", "--config"}, required = true, paramLabel = "FILE",
      defaultValue = "${env:SWITCHBOARD_CONFIG}",
      description = "YAML configuration file (default: $SWITCHBOARD_CONFIG). An empty file means embedded defaults.")
  Path config;

  @Override
  public Integer call() throws InterruptedException {
    LoadedConfig loaded = ConfigLoader.load(config);
    return NodeRunner.runUntilStopped(loaded, server -> { });
  }
}
