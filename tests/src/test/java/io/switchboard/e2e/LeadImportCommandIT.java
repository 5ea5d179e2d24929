package io.switchboard.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The fat jar's {@code import-leads} and {@code import-dnc} against the fat jar's server (embedded MariaDB, no
 * PBX): the routes are wired into a real node, the time-zone data ships in the jar, and the exit codes and
 * reports are what an operator sees. Campaigns are inserted with JDBC (the embedded server skips grant tables,
 * so root with no password) until the campaign API exists.
 */
class LeadImportCommandIT {

  private static final Duration STARTUP = Duration.ofSeconds(120);
  private static final Duration COMMAND = Duration.ofSeconds(90);

  private static Path workDir;
  private static ServerProcess server;
  private static ServerApi api;
  private static String url;
  private static String jdbc;

  @BeforeAll
  static void startAServerWithACampaign() throws Exception {
    workDir = Files.createDirectories(Path.of(System.getProperty("e2e.work.dir", "target/e2e"),
        "lead-import-" + UUID.randomUUID()));
    int http = ServerProcess.freePort();
    int db = ServerProcess.freePort();
    Path config = Files.writeString(workDir.resolve("server.yaml"), """
        http:
          host: 127.0.0.1
          port: %d
        database:
          embedded:
            data-dir: %s
            port: %d
        """.formatted(http, workDir.resolve("db").toAbsolutePath(), db));
    server = ServerProcess.start(Map.of(), "run", "--config", config.toString());
    url = "http://127.0.0.1:" + http;
    api = new ServerApi(http, server);
    api.await("the server is ready", () -> api.get("/health/ready").statusCode() == 200, STARTUP);
    jdbc = "jdbc:mariadb://127.0.0.1:" + db + "/switchboard";
    sql("INSERT INTO campaigns (id, display_name, dialing_mode, created_at, updated_at)"
        + " VALUES ('renewals', 'Renewals', 'progressive', NOW(3), NOW(3))");
  }

  @AfterAll
  static void stop() throws Exception {
    ServerProcess.stopAll(server, null, workDir);
  }

  @Test
  void aLeadFileIsImportedWithZonesFromTheNumberAndADncMatchReported() throws Exception {
    Path dnc = Files.writeString(workDir.resolve("dnc.csv"), "phone,reason\n(312) 555-0101,national list\n");
    Path leads = Files.writeString(workDir.resolve("leads.csv"),
        "phone,first_name,state\r\n(212) 555-0100,Ann,\r\n312-555-0101,Bob,\r\n+1 915 555 0102,Cy,TX\r\n",
        StandardCharsets.UTF_8);

    ServerProcess dncImport = command("import-dnc", "--server", url, "--source", "national", dnc.toString());
    assertThat(dncImport.awaitExit(COMMAND)).as(dncImport.transcript()).isZero();
    ServerProcess leadImport = command("import-leads", "--server", url, "--campaign", "renewals", leads.toString());
    assertThat(leadImport.awaitExit(COMMAND)).as(leadImport.transcript()).isZero();

    assertThat(String.join("\n", leadImport.stdout())).contains("3 rows read: 3 imported (1 dnc), 0 duplicates",
        "is on a do-not-call list", "[dnc]").doesNotContain("3125550101");
    assertThat(lead("+12125550100")).isEqualTo("new America/New_York number");
    assertThat(lead("+13125550101")).isEqualTo("dnc America/Chicago number");
    assertThat(lead("+19155550102")).isEqualTo("new America/Denver region");
    JsonNode held = api.getJson("/api/v1/dnc/%2B13125550101");
    assertThat(held.path("entries").get(0).path("source").asText()).isEqualTo("imported:national");
  }

  @Test
  void aLatin1FileIsRefusedNamingTheRowAndNothingIsWritten() throws Exception {
    Path latin1 = workDir.resolve("latin1.csv");
    Files.write(latin1, "phone,first_name\n+14155550100,Ren\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));

    ServerProcess refused = command("import-leads", "--server", url, "--campaign", "renewals", latin1.toString());

    assertThat(refused.awaitExit(COMMAND)).isEqualTo(7);
    assertThat(String.join("\n", refused.stderr())).contains("encoding-not-utf8", "row 2");
    assertThat(lead("+14155550100")).isEqualTo("absent");
  }

  private static ServerProcess command(String... args) throws Exception {
    return ServerProcess.start(Map.of(), args);
  }

  private static String lead(String phone) throws Exception {
    try (Connection c = DriverManager.getConnection(jdbc, "root", "");
        PreparedStatement s = c.prepareStatement("SELECT state, time_zone, time_zone_source FROM leads WHERE phone = ?")) {
      s.setString(1, phone);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? r.getString(1) + " " + r.getString(2) + " " + r.getString(3) : "absent";
      }
    }
  }

  private static void sql(String statement) throws Exception {
    try (Connection c = DriverManager.getConnection(jdbc, "root", "")) {
      c.createStatement().execute(statement);
    }
  }
}
