package io.switchboard.server.cli;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code switchboard import-leads}: uploads a CSV lead list to a running node and prints the import's report. */
@Command(
    name = "import-leads",
    mixinStandardHelpOptions = true,
    description = {
        "Imports a CSV lead list (UTF-8, header row with 'phone') into a campaign through a running node's API.",
        "All or nothing: one bad row and nothing is imported, unless --skip-bad-rows. Columns, reasons and time"
            + " zones: docs/dialer.md, \"CSV and DNC import\".",
        ""
    },
    footerHeading = "%n",
    footer = {
        "Example:",
        "  switchboard import-leads --server http://127.0.0.1:8080 --campaign renewals --list november leads.csv",
        "",
        "Sends the API token in $SWITCHBOARD_TOKEN (an admin's).",
        "Exit 0 when imported, 7 when the server refused the file or its rows (the report says why), 8 when the"
            + " server cannot be reached."
    })
final class ImportLeadsCommand implements Callable<Integer> {

  @Option(names = "--server", paramLabel = "URL", defaultValue = "http://127.0.0.1:8080",
      description = "The node's HTTP address (default: ${DEFAULT-VALUE}).")
  String server;

  @Option(names = "--campaign", required = true, paramLabel = "ID", description = "The campaign to import into.")
  String campaign;

  @Option(names = "--list", paramLabel = "ID", description = "The campaign's list the leads join.")
  String list;

  @Option(names = "--skip-bad-rows", description = "Import the good rows and report the bad ones.")
  boolean skipBadRows;

  @Parameters(paramLabel = "FILE", description = "The CSV file.")
  Path file;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    String path = "/api/v1/campaigns/" + encode(campaign) + "/leads/import?skipBadRows=" + skipBadRows
        + (list == null ? "" : "&list=" + encode(list));
    return new ImportUpload(spec.commandLine().getOut(), spec.commandLine().getErr(), System.console() != null,
        ImportUpload.tokenFromEnvironment())
        .run(server, path, file);
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
