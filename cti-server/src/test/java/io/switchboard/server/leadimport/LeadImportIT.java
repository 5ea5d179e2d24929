package io.switchboard.server.leadimport;

import static io.switchboard.server.persistence.jooq.Tables.CAMPAIGNS;
import static io.switchboard.server.persistence.jooq.Tables.DNC_ENTRIES;
import static io.switchboard.server.persistence.jooq.Tables.LEADS;
import static io.switchboard.server.persistence.jooq.Tables.LEAD_LISTS;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.server.cli.Cli;
import io.switchboard.server.cli.ExitCode;
import io.switchboard.server.persistence.Database;
import io.switchboard.server.persistence.DatabaseSettings;
import io.switchboard.server.persistence.TestDataDirs;
import io.switchboard.server.persistence.jooq.tables.records.LeadsRecord;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.switchboard.server.security.BodyLimits;
import io.switchboard.server.config.HttpSettings;
import io.vertx.ext.web.Router;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The import routes over HTTP, on a real, migrated MariaDB: what each import writes, and that a refused one writes nothing. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class LeadImportIT {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T09:00:00Z"), ZoneOffset.UTC);
  private static final Instant NOW = CLOCK.instant();

  private static Vertx vertx;
  private static Path dataDir;
  private static Database database;
  private static int port;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void serverOnAMigratedDatabase() {
    vertx = Vertx.vertx();
    dataDir = TestDataDirs.fresh("leadimport");
    database = Database.open(vertx, DatabaseSettings.embedded(dataDir));
    Router router = Router.router(vertx);
    router.route().handler(new BodyLimits(HttpSettings.DEFAULT_MAX_BODY_BYTES, HttpSettings.DEFAULT_MAX_IMPORT_BYTES));
    new ImportRoutes(vertx, database, CLOCK).mount(router);
    port = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await().actualPort();
  }

  @AfterAll
  static void stop() {
    database.close();
    vertx.close().await();
    TestDataDirs.delete(dataDir);
  }

  @BeforeEach
  void oneCampaignWithOneListAndNoLeads() {
    database.query(dsl -> {
      dsl.deleteFrom(DNC_ENTRIES).execute();
      dsl.deleteFrom(CAMPAIGNS).execute();
      dsl.insertInto(CAMPAIGNS).set(CAMPAIGNS.ID, "c1").set(CAMPAIGNS.DISPLAY_NAME, "Renewals")
          .set(CAMPAIGNS.DIALING_MODE, "progressive").set(CAMPAIGNS.CREATED_AT, NOW).set(CAMPAIGNS.UPDATED_AT, NOW)
          .execute();
      dsl.insertInto(LEAD_LISTS).set(LEAD_LISTS.ID, "l1").set(LEAD_LISTS.CAMPAIGN_ID, "c1")
          .set(LEAD_LISTS.DISPLAY_NAME, "November").set(LEAD_LISTS.CREATED_AT, NOW).execute();
      return null;
    }).await();
  }

  @Test
  void aGoodFileIsImportedWithZonesAttributesDncMatchesAndDuplicatesReported() throws Exception {
    optOut("+13125550101");
    leads("phone,first_name,state,time_zone,attr_plan\n+12125550100,Ann,,,gold\n");
    JsonObject job = importLeads("?list=l1", """
        phone,first_name,state,time_zone,attr_plan
        (214) 555-0100,Bob,TX,,
        312-555-0101,Cy,,,
        +12125550100,Ann,,,
        214.555.0100,Bob again,,,
        +442079460018,Di,,Europe/London,silver
        """);

    assertThat(job.getString("state")).isEqualTo("succeeded");
    assertThat(job.getLong("rowsRead")).isEqualTo(5);
    assertThat(job.getLong("imported")).isEqualTo(3);
    assertThat(job.getLong("dnc")).isEqualTo(1);
    assertThat(job.getLong("duplicates")).isEqualTo(2);
    assertThat(job.getJsonArray("notices").stream().map(n -> ((JsonObject) n).getString("reason")).toList())
        .containsExactly("dnc", "duplicate-in-campaign", "duplicate-in-file");
    LeadsRecord dallas = lead("+12145550100");
    assertThat(dallas.getState()).isEqualTo("new");
    assertThat(dallas.getListId()).isEqualTo("l1");
    assertThat(dallas.getTimeZone()).isEqualTo("America/Chicago");
    assertThat(dallas.getTimeZoneSource()).isEqualTo("region");
    assertThat(dallas.getImportRow()).isEqualTo(2);
    assertThat(lead("+13125550101").getState()).isEqualTo("dnc");
    LeadsRecord london = lead("+442079460018");
    assertThat(london.getTimeZoneSource()).isEqualTo("lead");
    assertThat(new JsonObject(london.getPayload().data())).isEqualTo(new JsonObject()
        .put("first_name", "Di").put("attr_plan", "silver"));
  }

  @Test
  void oneBadRowRefusesTheWholeFileAndWritesNothing() throws Exception {
    JsonObject job = importLeads("", "phone,priority\n+12125550100,1\n+12125550101,high\nnot a number,2\n");

    assertThat(job.getString("state")).isEqualTo("failed");
    assertThat(job.getJsonObject("failure").getString("errorId")).isEqualTo("rows-rejected");
    assertThat(job.getLong("imported")).isZero();
    assertThat(job.getJsonArray("errors").stream().map(e -> ((JsonObject) e).getInteger("row") + ":"
        + ((JsonObject) e).getString("column") + ":" + ((JsonObject) e).getString("reason")).toList())
        .containsExactly("3:priority:priority-not-a-number", "4:phone:phone-malformed");
    assertThat(leadCount()).isZero();
  }

  @Test
  void skippingBadRowsImportsTheRest() throws Exception {
    JsonObject job = importLeads("?skipBadRows=true", "phone\n+12125550100\nnope\n+12125550102\n");

    assertThat(job.getString("state")).isEqualTo("succeeded");
    assertThat(job.getLong("imported")).isEqualTo(2);
    assertThat(job.getLong("skipped")).isEqualTo(1);
    assertThat(leadCount()).isEqualTo(2);
  }

  @Test
  void aFileThatStopsBeingUtf8PartWayFailsNamingTheRowAndWritesNothing() throws Exception {
    byte[] latin1 = "phone,first_name\n+12125550100,Ann\n+12125550101,Ren\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
    HttpResponse<String> started = post("/api/v1/campaigns/c1/leads/import", "text/csv", latin1);
    JsonObject job = finished(started);

    assertThat(job.getJsonObject("failure").getString("errorId")).isEqualTo("encoding-not-utf8");
    assertThat(job.getJsonObject("failure").getJsonObject("details").getInteger("row")).isEqualTo(3);
    assertThat(leadCount()).isZero();
  }

  @Test
  void badFilesAndRequestsAreRefusedAtOnceWithAnErrorIdNamingTheProblem() throws Exception {
    assertRefused(post("/api/v1/campaigns/c1/leads/import", "text/csv", "phone,colour\n1,red\n"), 400,
        "column-unknown");
    assertRefused(post("/api/v1/campaigns/c1/leads/import", "text/csv", ""), 400, "file-empty");
    assertThat(importLeads("", "phone\r\n").getJsonObject("failure").getString("errorId")).isEqualTo("no-rows");
    assertRefused(post("/api/v1/campaigns/c1/leads/import", "text/csv", "first_name\nAnn\n"), 400,
        "phone-column-missing");
    assertRefused(post("/api/v1/campaigns/nope/leads/import", "text/csv", "phone\n1\n"), 404, "campaign-not-found");
    assertRefused(post("/api/v1/campaigns/c1/leads/import?list=l9", "text/csv", "phone\n1\n"), 404, "list-not-found");
    assertRefused(post("/api/v1/campaigns/c1/leads/import", "application/json", "{}"), 415, "unsupported-media-type");
    assertRefused(post("/api/v1/campaigns/c1/leads/import?skipBadRows=yes", "text/csv", "phone\n1\n"), 400,
        "invalid-field");
    assertThat(leadCount()).isZero();
  }

  @Test
  void aDncListReplacesItsSourcesEntriesAndAnOptOutMovesLeadsAtOnce() throws Exception {
    leads("phone\n+12125550100\n+12125550101\n");
    JsonObject first = finished(post("/api/v1/dnc/import?source=national", "text/csv",
        "phone,reason\n2125550199,\n+12125550198,x\n+12125550198,x\n"));
    JsonObject second = finished(post("/api/v1/dnc/import?source=national", "text/csv", "phone\n+12125550197\n"));

    assertThat(first.getLong("imported")).isEqualTo(2);
    assertThat(first.getLong("duplicates")).isEqualTo(1);
    assertThat(second.getString("source")).isEqualTo("imported:national");
    assertThat(dncPhones()).containsExactly("+12125550197");

    HttpResponse<String> optOut = post("/api/v1/dnc", "application/json",
        new JsonObject().put("phone", "(212) 555-0100").put("reason", "asked on the call").encode());
    assertThat(optOut.statusCode()).isEqualTo(201);
    assertThat(new JsonObject(optOut.body()).getInteger("leadsMoved")).isEqualTo(1);
    assertThat(lead("+12125550100").getState()).isEqualTo("dnc");
    assertThat(lead("+12125550101").getState()).isEqualTo("new");

    JsonObject held = new JsonObject(get("/api/v1/dnc/%2B12125550100").body());
    assertThat(held.getBoolean("onDnc")).isTrue();
    assertThat(held.getJsonArray("entries").getJsonObject(0).getString("source")).isEqualTo("internal");
    assertThat(send(HttpRequest.newBuilder(uri("/api/v1/dnc/%2B12125550197")).DELETE()).statusCode()).isEqualTo(409);
    assertThat(send(HttpRequest.newBuilder(uri("/api/v1/dnc/%2B12125550100")).DELETE()).statusCode()).isEqualTo(204);
    assertThat(new JsonObject(get("/api/v1/dnc/2125550100").body()).getBoolean("onDnc")).isFalse();
  }

  @Test
  void anOptOutNamesTheFieldItRefuses() throws Exception {
    assertRefused(post("/api/v1/dnc", "application/json", "{\"phone\":\"12\"}"), 400, "invalid-field");
    assertThat(new JsonObject(post("/api/v1/dnc", "application/json", "{\"phone\":\"12\"}").body())
        .getJsonObject("details").getString("field")).isEqualTo("phone");
    assertThat(new JsonObject(post("/api/v1/dnc", "application/json", "{\"phone\":\"+12125550100\",\"x\":1}")
        .body()).getJsonObject("details").getString("field")).isEqualTo("x");
    assertRefused(post("/api/v1/dnc", "application/json", "{\"phone\":\"+12125550100\",\"campaignId\":\"zz\"}"), 404,
        "campaign-not-found");
    assertRefused(post("/api/v1/dnc/import?source=Bad%20Name", "text/csv", "phone\n1\n"), 400, "invalid-field");
  }

  @Test
  void theCliUploadsShowsProgressAndExitsNonZeroWhenRefused(@TempDir Path dir) throws Exception {
    Path good = Files.writeString(dir.resolve("good.csv"), "phone,first_name\n+12125550100,Ann\n+12125550101,Bob\n");
    Path bad = Files.writeString(dir.resolve("bad.csv"), "phone\n+12125550102\nnope\n");
    Path dnc = Files.writeString(dir.resolve("dnc.csv"), "phone\n2125550190\n");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String server = "http://127.0.0.1:" + port;

    int imported = Cli.execute(new String[] {"import-leads", "--server", server, "--campaign", "c1", "--list", "l1",
        good.toString()}, new PrintWriter(out, true), new PrintWriter(err, true));
    int refused = Cli.execute(new String[] {"import-leads", "--server", server, "--campaign", "c1", bad.toString()},
        new PrintWriter(out, true), new PrintWriter(err, true));
    int dncImported = Cli.execute(new String[] {"import-dnc", "--server", server, "--source", "purchased",
        dnc.toString()}, new PrintWriter(out, true), new PrintWriter(err, true));
    int unreachable = Cli.execute(new String[] {"import-dnc", "--server", "http://127.0.0.1:1", "--source", "x",
        dnc.toString()}, new PrintWriter(out, true), new PrintWriter(err, true));

    assertThat(imported).isZero();
    assertThat(refused).isEqualTo(ExitCode.REFUSED.code());
    assertThat(dncImported).isZero();
    assertThat(unreachable).isEqualTo(ExitCode.UNREACHABLE.code());
    assertThat(out.toString()).contains("uploading [", "100%", "2 rows read: 2 imported (0 dnc), 0 duplicates",
        "error: row 3, column 'phone'", "[phone-malformed]", "1 rows read: 1 imported");
    assertThat(err.toString()).contains("refused: rows-rejected", "cannot import");
    assertThat(leadCount()).isEqualTo(2);
    assertThat(dncPhones()).containsExactly("+12125550190");
  }

  private void optOut(String phone) throws Exception {
    assertThat(post("/api/v1/dnc", "application/json", new JsonObject().put("phone", phone).encode()).statusCode())
        .isEqualTo(201);
  }

  private void leads(String csv) throws Exception {
    assertThat(importLeads("", csv).getString("state")).isEqualTo("succeeded");
  }

  private JsonObject importLeads(String query, String csv) throws Exception {
    return finished(post("/api/v1/campaigns/c1/leads/import" + query, "text/csv", csv));
  }

  private JsonObject finished(HttpResponse<String> started) throws Exception {
    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    String location = started.headers().firstValue("location").orElseThrow();
    Instant deadline = Instant.now().plusSeconds(30);
    while (Instant.now().isBefore(deadline)) {
      JsonObject job = new JsonObject(get(location).body());
      if (job.getString("state").equals("succeeded") || job.getString("state").equals("failed")) {
        return job;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("the import did not finish: " + get(location).body());
  }

  private static void assertRefused(HttpResponse<String> response, int status, String errorId) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(new JsonObject(response.body()).getString("errorId")).isEqualTo(errorId);
  }

  private static LeadsRecord lead(String phone) {
    return database.query(dsl -> dsl.selectFrom(LEADS).where(LEADS.PHONE.eq(phone)).fetchOne()).await();
  }

  private static int leadCount() {
    return database.query(dsl -> dsl.fetchCount(LEADS)).await();
  }

  private static List<String> dncPhones() {
    return database.query(dsl -> dsl.select(DNC_ENTRIES.PHONE).from(DNC_ENTRIES).fetch(DNC_ENTRIES.PHONE)).await();
  }

  private HttpResponse<String> post(String path, String type, String body) throws Exception {
    return post(path, type, body.getBytes(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> post(String path, String type, byte[] body) throws Exception {
    return send(HttpRequest.newBuilder(uri(path)).header("content-type", type)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  private HttpResponse<String> get(String path) throws Exception {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }
}
