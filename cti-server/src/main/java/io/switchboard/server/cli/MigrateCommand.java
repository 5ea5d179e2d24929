package io.switchboard.server.cli;

import io.switchboard.server.config.ConfigLoader;
import io.switchboard.server.config.DatabaseConfig;
import io.switchboard.server.config.Masking;
import io.switchboard.server.persistence.Database;
import io.switchboard.server.persistence.DatabaseSettings;
import io.switchboard.server.runtime.DatabaseSettingsMapper;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code switchboard migrate --config FILE}: apply pending schema migrations, then exit. */
@Command(
    name = "migrate",
    mixinStandardHelpOptions = true,
    description = {
        "Apply pending database schema migrations, then exit.",
        "",
        "Uses the database section of the configuration. Safe to run repeatedly. 'run' migrates on start"
            + " too; use this before a rolling upgrade, or to check database credentials without starting a node.",
        ""
    })
final class MigrateCommand implements Callable<Integer> {

  @Option(names = {"-c", "--config"}, required = true, paramLabel = "FILE",
      defaultValue = "${env:SWITCHBOARD_CONFIG}",
      description = "YAML configuration file (default: $SWITCHBOARD_CONFIG); only the database section is used.")
  Path config;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    DatabaseConfig db = ConfigLoader.load(config).config().database();
    DatabaseSettings settings = DatabaseSettingsMapper.toSettings(db);
    int applied = Database.migrate(settings);
    String target = db.embeddedMode() ? "embedded MariaDB in " + settings.embeddedDataDir() : Masking.url(db.url());
    spec.commandLine().getOut().println(applied == 0
        ? "Database schema is up to date (" + target + ")."
        : "Applied " + applied + (applied == 1 ? " migration" : " migrations") + " to " + target + ".");
    return ExitCode.OK.code();
  }
}
