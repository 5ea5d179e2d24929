package io.switchboard.server.leadimport;

import static io.switchboard.server.persistence.jooq.Tables.CAMPAIGNS;

import io.switchboard.server.persistence.Database;
import io.switchboard.server.persistence.DatabaseSettings;
import io.switchboard.server.persistence.TestDataDirs;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.switchboard.server.security.BodyLimits;
import io.switchboard.server.config.HttpSettings;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

/**
 * Lead rows imported per second: a generated file of N US leads (state, name, a custom field; a tenth with a
 * time zone of their own) posted to the import route of a server on an embedded MariaDB, timed from the POST to
 * the job's success. Run by {@code bench/lead-import.sh}; not a test.
 */
public final class LeadImportBenchmark {

  private static final int[] AREA_CODES = {212, 312, 214, 415, 305, 206, 617, 713, 404, 602};
  private static final String[] STATES = {"NY", "IL", "TX", "CA", "FL", "WA", "MA", "TX", "GA", "AZ"};

  private LeadImportBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    Vertx vertx = Vertx.vertx();
    Path dataDir = TestDataDirs.fresh("lead-bench");
    Database database = Database.open(vertx, DatabaseSettings.embedded(dataDir));
    try {
      Router router = Router.router(vertx);
    router.route().handler(new BodyLimits(HttpSettings.DEFAULT_MAX_BODY_BYTES, HttpSettings.DEFAULT_MAX_IMPORT_BYTES));
      new ImportRoutes(vertx, database, Clock.systemUTC()).mount(router);
      int port = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await().actualPort();
      byte[] file = file(rows);
      System.out.printf(Locale.ROOT, "file: %,d rows, %,d bytes%n", rows, file.length);
      for (int run = 1; run <= runs; run++) {
        String campaign = "bench" + run;
        database.query(dsl -> dsl.insertInto(CAMPAIGNS).set(CAMPAIGNS.ID, campaign).set(CAMPAIGNS.DISPLAY_NAME, campaign)
            .set(CAMPAIGNS.DIALING_MODE, "progressive").set(CAMPAIGNS.CREATED_AT, Instant.now())
            .set(CAMPAIGNS.UPDATED_AT, Instant.now()).execute()).await();
        long start = System.nanoTime();
        JsonObject job = importFile(port, campaign, file);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "run %d: %s, %,d imported in %.2f s: %,.0f rows/s%n", run,
            job.getString("state"), job.getLong("imported"), seconds, rows / seconds);
      }
    } finally {
      database.close();
      vertx.close().await();
      TestDataDirs.delete(dataDir);
    }
  }

  private static JsonObject importFile(int port, String campaign, byte[] file) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> started = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
        + "/api/v1/campaigns/" + campaign + "/leads/import")).header("content-type", "text/csv")
        .POST(HttpRequest.BodyPublishers.ofByteArray(file)).build(), HttpResponse.BodyHandlers.ofString());
    URI job = URI.create("http://127.0.0.1:" + port + started.headers().firstValue("location").orElseThrow());
    long start = System.nanoTime();
    boolean writing = false;
    while (true) {
      JsonObject state = new JsonObject(http.send(HttpRequest.newBuilder(job).build(),
          HttpResponse.BodyHandlers.ofString()).body());
      if (!writing && state.getString("state").equals("writing")) {
        writing = true;
        System.out.printf(Locale.ROOT, "  read and checked after %.2f s%n", (System.nanoTime() - start) / 1e9);
      }
      if (!state.getString("state").equals("reading") && !state.getString("state").equals("writing")) {
        return state;
      }
      Thread.sleep(20);
    }
  }

  private static byte[] file(int rows) {
    StringBuilder csv = new StringBuilder("phone,first_name,last_name,state,time_zone,attr_plan\r\n");
    for (int i = 0; i < rows; i++) {
      int area = i % AREA_CODES.length;
      int n = i / AREA_CODES.length;
      csv.append(String.format(Locale.ROOT, "(%d) %03d-%04d,Ann%d,Lee,%s,%s,gold%n", AREA_CODES[area],
          200 + n / 10_000, n % 10_000, i, STATES[area], i % 10 == 0 ? "America/Chicago" : ""));
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }
}
