package io.switchboard.server.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code switchboard import-dnc}: uploads a do-not-call list to a running node, replacing that list's entries. */
@Command(
    name = "import-dnc",
    mixinStandardHelpOptions = true,
    description = {
        "Imports a do-not-call list (CSV, UTF-8, header 'phone' and optionally 'reason') through a running node's"
            + " API, replacing every entry the same --source imported before. Details: docs/dialer.md.",
        ""
    },
    footerHeading = "%n",
    footer = {
        "Example:",
        "  switchboard import-dnc --server http://127.0.0.1:8080 --source national dnc.csv",
        "",
        "Sends the API token in $SWITCHBOARD_TOKEN (an admin's).",
        "Exit 0 when imported, 7 when the server refused the file or its rows, 8 when the server cannot be reached."
    })
final class ImportDncCommand implements Callable<Integer> {

  @Option(names = "--server", paramLabel = "URL", defaultValue = "http://127.0.0.1:8080",
      description = "The node's HTTP address (default: ${DEFAULT-VALUE}).")
  String server;

  @Option(names = "--source", required = true, paramLabel = "NAME",
      description = "The list's name, stored as imported:NAME (e.g. national, purchased-2026).")
  String source;

  @Option(names = "--region", defaultValue = "US", paramLabel = "CC",
      description = "Region of numbers written without +country code (default: ${DEFAULT-VALUE}).")
  String region;

  @Option(names = "--skip-bad-rows", description = "Import the good rows and report the bad ones.")
  boolean skipBadRows;

  @Parameters(paramLabel = "FILE", description = "The CSV file.")
  Path file;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    String path = "/api/v1/dnc/import?source=" + ImportLeadsCommand.encode(source) + "&region="
        + ImportLeadsCommand.encode(region) + "&skipBadRows=" + skipBadRows;
    return new ImportUpload(spec.commandLine().getOut(), spec.commandLine().getErr(), System.console() != null,
        ImportUpload.tokenFromEnvironment())
        .run(server, path, file);
  }
}
