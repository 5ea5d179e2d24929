package io.switchboard.server.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code switchboard}: the top-level command; does nothing itself but explain its subcommands. */
@Command(
    name = "switchboard",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    subcommands = {RunCommand.class, DemoCommand.class, MigrateCommand.class, PbxSimCommand.class, StaffingCommand.class,
        SimulateCommand.class, ImportLeadsCommand.class, ImportDncCommand.class, HelpCommand.class},
    description = {
        "CTI middleware for Asterisk and FreeSWITCH: skills-based routing, dialer and blending.",
        ""
    },
    commandListHeading = "%nCommands:%n",
    footerHeading = "%n",
    footer = {
        "Examples:",
        "  switchboard demo                             try it: prints the URL to open",
        "  switchboard run --config switchboard.yaml    production node",
        "  switchboard migrate --config switchboard.yaml",
        "  switchboard pbx-sim --ami-port 5038          simulated Asterisk, standalone",
        "  switchboard help run                         details of one command",
        "",
        "Configuration keys and SWITCHBOARD_* environment overrides: docs/configuration.md",
        "",
        "Exit codes:",
        "  0 ok   1 internal error (a bug; see the log)   2 wrong command line",
        "  3 invalid configuration   4 database unavailable   5 Hazelcast cluster failed",
        "  6 HTTP port in use or not bindable"
    })
public final class SwitchboardCommand implements Runnable {

  @Option(names = "--verbose", scope = ScopeType.INHERIT,
      description = "On failure, also print the stack trace.")
  boolean verbose;

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
