package io.switchboard.server.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.id.CampaignId;
import io.switchboard.core.id.LeadId;
import io.switchboard.queue.dialer.DialResult;
import io.switchboard.server.persistence.Database;
import io.switchboard.server.persistence.DatabaseSettings;
import io.switchboard.server.persistence.TestDataDirs;
import io.switchboard.server.queue.QueueRequest;
import io.switchboard.server.routing.JooqTaskQueues;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.switchboard.server.security.BodyLimits;
import io.switchboard.server.config.HttpSettings;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code /api/v1/campaigns} over HTTP, on a real, migrated MariaDB: each refusal names the field and changes nothing. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class CampaignRoutesIT {

  private static final Instant NOW = Instant.parse("2026-11-24T15:00:00Z");

  private static Vertx vertx;
  private static Path dataDir;
  private static Database database;
  private static JooqLeadQueue queue;
  private static WebClient client;
  private static int port;

  @BeforeAll
  static void serve() {
    vertx = Vertx.vertx(new VertxOptions().setMaxEventLoopExecuteTime(100)
        .setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS));
    dataDir = TestDataDirs.fresh("campaign-api");
    database = Database.open(vertx, DatabaseSettings.embedded(dataDir));
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    new JooqTaskQueues(database, clock).create(((QueueRequest.Valid) QueueRequest.create(
        new JsonObject().put("id", "sales"))).queue()).await();
    queue = new JooqLeadQueue(database);
    Router router = Router.router(vertx);
    router.route().handler(new BodyLimits(HttpSettings.DEFAULT_MAX_BODY_BYTES, HttpSettings.DEFAULT_MAX_IMPORT_BYTES));
    new CampaignRoutes(new JooqCampaigns(database, clock), new JooqCampaignLeads(database, clock), queue, clock)
        .mount(router);
    port = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await().actualPort();
    client = WebClient.create(vertx);
  }

  @AfterAll
  static void stop() {
    database.close();
    vertx.close().await();
    TestDataDirs.delete(dataDir);
  }

  private static HttpResponse<Buffer> call(HttpMethod method, String path, Object body) {
    var request = client.request(method, port, "127.0.0.1", path);
    return (body == null ? request.send() : request.putHeader("content-type", "application/json")
        .sendBuffer(Buffer.buffer(body.toString()))).await();
  }

  private static JsonObject campaign(String id) {
    return CampaignRequestTest.renewals().put("id", id);
  }

  private static void assertError(HttpResponse<Buffer> response, int status, String errorId, String field) {
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(status);
    assertThat(response.bodyAsJsonObject().getString("errorId")).isEqualTo(errorId);
    assertThat(response.bodyAsJsonObject().getJsonObject("details").getString("field")).isEqualTo(field);
  }

  @Test
  void a_campaign_is_created_read_replaced_and_deleted_with_every_setting() {
    HttpResponse<Buffer> created = call(HttpMethod.POST, "/api/v1/campaigns", campaign("crud"));
    assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
    JsonObject body = created.bodyAsJsonObject();
    assertThat(body.getString("state")).isEqualTo("draft");
    assertThat(body.getJsonArray("callerIds")).containsExactly("+442079460018");
    assertThat(body.getJsonArray("holidays")).containsExactly("2026-12-25", "2026-12-26");
    assertThat(body.getJsonArray("recycleRules")).hasSize(2);
    assertThat(call(HttpMethod.GET, "/api/v1/campaigns/crud", null).bodyAsJsonObject()).isEqualTo(body);

    JsonObject changed = body.copy().put("ringTimeoutSeconds", 40).put("holidays", new JsonArray());
    assertThat(call(HttpMethod.PUT, "/api/v1/campaigns/crud", changed).bodyAsJsonObject()).isEqualTo(changed);
    assertThat(call(HttpMethod.GET, "/api/v1/campaigns", null).bodyAsJsonObject().getJsonArray("campaigns")
        .stream().map(c -> ((JsonObject) c).getString("id"))).contains("crud");

    assertThat(call(HttpMethod.DELETE, "/api/v1/campaigns/crud", null).statusCode()).isEqualTo(204);
    assertError(call(HttpMethod.GET, "/api/v1/campaigns/crud", null), 404, "campaign-not-found", "id");
  }

  @Test
  void a_refused_campaign_names_the_field_and_stores_nothing() {
    assertError(call(HttpMethod.POST, "/api/v1/campaigns", campaign("bad").put("queue", "nowhere")), 400,
        "unknown-queue", "queue");
    assertError(call(HttpMethod.POST, "/api/v1/campaigns", campaign("bad").put("abandonRateTargetPercent", 4)), 400,
        "invalid-field", "abandonRateTargetPercent");
    assertError(call(HttpMethod.POST, "/api/v1/campaigns", campaign("bad").put("callerIds",
        new JsonArray().add("+44 20 7946 0018").add("not a number"))), 400, "invalid-field", "callerIds[1]");
    assertError(call(HttpMethod.POST, "/api/v1/campaigns", "[1,2]"), 400, "invalid-json", null);
    assertError(call(HttpMethod.GET, "/api/v1/campaigns/bad", null), 404, "campaign-not-found", "id");

    assertThat(call(HttpMethod.POST, "/api/v1/campaigns", campaign("twice")).statusCode()).isEqualTo(201);
    assertError(call(HttpMethod.POST, "/api/v1/campaigns", campaign("twice").put("name", "Other")), 409,
        "campaign-exists", "id");
    assertError(call(HttpMethod.PUT, "/api/v1/campaigns/twice", campaign("twice").put("ringTimeoutSeconds", 5)),
        400, "invalid-field", "ringTimeoutSeconds");
    JsonObject stored = call(HttpMethod.GET, "/api/v1/campaigns/twice", null).bodyAsJsonObject();
    assertThat(stored.getString("name")).isEqualTo("Renewals");
    assertThat(stored.getInteger("ringTimeoutSeconds")).isEqualTo(30);
  }

  @Test
  void a_campaign_starts_pauses_and_completes_and_an_illegal_move_is_a_conflict() {
    call(HttpMethod.POST, "/api/v1/campaigns", campaign("moves"));

    assertError(call(HttpMethod.POST, "/api/v1/campaigns/moves/pause", null), 409, "campaign-state", "state");
    assertThat(call(HttpMethod.POST, "/api/v1/campaigns/moves/start", null).bodyAsJsonObject().getString("state"))
        .isEqualTo("running");
    assertError(call(HttpMethod.DELETE, "/api/v1/campaigns/moves", null), 409, "campaign-running", "state");
    assertThat(call(HttpMethod.POST, "/api/v1/campaigns/moves/pause", null).bodyAsJsonObject().getString("state"))
        .isEqualTo("paused");
    assertThat(call(HttpMethod.PUT, "/api/v1/campaigns/moves", campaign("moves")).bodyAsJsonObject()
        .getString("state")).as("a replacement keeps the state").isEqualTo("paused");
    assertThat(call(HttpMethod.POST, "/api/v1/campaigns/moves/complete", null).bodyAsJsonObject()
        .getString("state")).isEqualTo("completed");
    assertError(call(HttpMethod.POST, "/api/v1/campaigns/moves/start", null), 409, "campaign-state", "state");
    assertError(call(HttpMethod.POST, "/api/v1/campaigns/nope/start", null), 404, "campaign-not-found", "id");
  }

  @Test
  void lists_are_added_changed_and_removed_and_a_bad_one_changes_nothing() {
    call(HttpMethod.POST, "/api/v1/campaigns", campaign("listed"));
    JsonObject list = new JsonObject().put("id", "listed-warm").put("name", "Warm").put("priority", 5)
        .put("mixWeight", 3);

    assertThat(call(HttpMethod.POST, "/api/v1/campaigns/listed/lists", list).bodyAsJsonObject().getBoolean("active"))
        .isTrue();
    assertError(call(HttpMethod.POST, "/api/v1/campaigns/listed/lists", list), 409, "list-exists", "id");
    assertError(call(HttpMethod.POST, "/api/v1/campaigns/listed/lists", list.copy().put("id", "x")
        .put("mixWeight", 0)), 400, "invalid-field", "mixWeight");
    assertThat(call(HttpMethod.PUT, "/api/v1/campaigns/listed/lists/listed-warm", list.copy().put("active", false))
        .statusCode()).isEqualTo(200);
    assertError(call(HttpMethod.PUT, "/api/v1/campaigns/listed/lists/other", new JsonObject().put("priority", 1)),
        404, "list-not-found", "id");

    JsonArray lists = call(HttpMethod.GET, "/api/v1/campaigns/listed/lists", null).bodyAsJsonObject()
        .getJsonArray("lists");
    assertThat(lists).hasSize(1);
    assertThat(lists.getJsonObject(0).getBoolean("active")).isFalse();
    assertThat(call(HttpMethod.DELETE, "/api/v1/campaigns/listed/lists/listed-warm", null).statusCode()).isEqualTo(204);
    assertThat(call(HttpMethod.GET, "/api/v1/campaigns/listed/lists", null).bodyAsJsonObject()
        .getJsonArray("lists")).isEmpty();
  }

  @Test
  void leads_are_added_all_or_none_and_paged_by_state() {
    call(HttpMethod.POST, "/api/v1/campaigns", campaign("fed"));
    call(HttpMethod.POST, "/api/v1/campaigns/fed/lists", new JsonObject().put("id", "fed-main"));
    JsonArray three = new JsonArray()
        .add(new JsonObject().put("phone", "020 7946 0001").put("listId", "fed-main").put("priority", 2)
            .put("timeZone", "Europe/London").put("externalRef", "crm-1")
            .put("attributes", new JsonObject().put("name", "Ada")))
        .add(new JsonObject().put("phone", "+44 20 7946 0002"))
        .add(new JsonObject().put("phone", "020 7946 0003").put("region", "ENG").put("postcode", "SW1A 1AA"));

    assertError(call(HttpMethod.POST, "/api/v1/campaigns/fed/leads", three.copy().add(new JsonObject()
        .put("phone", "020 7946 0004").put("listId", "fed-other"))), 400, "unknown-list", "[3].listId");
    assertError(call(HttpMethod.POST, "/api/v1/campaigns/fed/leads", three.copy().add(new JsonObject()
        .put("phone", "12"))), 400, "invalid-field", "[3].phone");
    assertError(call(HttpMethod.POST, "/api/v1/campaigns/fed/leads", three.copy().add(new JsonObject()
        .put("phone", "020 7946 0005").put("timeZone", "Mars/Olympus"))), 400, "invalid-field", "[3].timeZone");
    assertThat(call(HttpMethod.GET, "/api/v1/campaigns/fed/leads", null).bodyAsJsonObject().getJsonArray("leads"))
        .isEmpty();

    assertThat(call(HttpMethod.POST, "/api/v1/campaigns/fed/leads", three).statusCode()).isEqualTo(201);
    assertError(call(HttpMethod.POST, "/api/v1/campaigns/fed/leads", new JsonArray().add(new JsonObject()
        .put("phone", "+442079460002"))), 409, "lead-exists", "[0].phone");

    JsonObject firstPage = call(HttpMethod.GET, "/api/v1/campaigns/fed/leads?limit=2", null).bodyAsJsonObject();
    assertThat(firstPage.getJsonArray("leads")).hasSize(2);
    JsonObject ada = firstPage.getJsonArray("leads").getJsonObject(0);
    assertThat(ada.getString("phone")).isEqualTo("+442079460001");
    assertThat(ada.getString("listId")).isEqualTo("fed-main");
    assertThat(ada.getString("state")).isEqualTo("new");
    assertThat(ada.getJsonObject("attributes").getString("name")).isEqualTo("Ada");
    JsonObject rest = call(HttpMethod.GET, "/api/v1/campaigns/fed/leads?limit=2&after=" + firstPage.getString("next"),
        null).bodyAsJsonObject();
    assertThat(rest.getJsonArray("leads")).hasSize(1);
    assertThat(rest.getJsonArray("leads").getJsonObject(0).getString("postcode")).isEqualTo("SW1A 1AA");
    assertThat(call(HttpMethod.GET, "/api/v1/campaigns/fed/leads?state=dialing", null).bodyAsJsonObject()
        .getJsonArray("leads")).isEmpty();
    assertError(call(HttpMethod.GET, "/api/v1/campaigns/fed/leads?state=ringing", null), 400, "invalid-field", "state");
    assertError(call(HttpMethod.GET, "/api/v1/campaigns/fed/leads?limit=0", null), 400, "invalid-field", "limit");
  }

  @Test
  void an_agents_disposition_closes_a_connected_lead_and_is_refused_for_one_not_connected() {
    call(HttpMethod.POST, "/api/v1/campaigns", campaign("wrapped"));
    call(HttpMethod.POST, "/api/v1/campaigns/wrapped/leads", new JsonArray()
        .add(new JsonObject().put("phone", "020 7946 0101")).add(new JsonObject().put("phone", "020 7946 0102")));
    var taken = queue.take(CampaignId.of("wrapped"), 2, NOW).toCompletableFuture().join();
    LeadId sold = taken.get(0).id();
    LeadId later = taken.get(1).id();
    String base = "/api/v1/campaigns/wrapped/leads/";

    assertError(call(HttpMethod.POST, base + sold.value() + "/disposition", new JsonObject().put("disposition", "sale")),
        409, "lead-not-connected", "leadId");
    queue.finish(sold, DialResult.CONNECTED, NOW).toCompletableFuture().join();
    queue.finish(later, DialResult.CONNECTED, NOW).toCompletableFuture().join();
    assertError(call(HttpMethod.POST, base + sold.value() + "/disposition", new JsonObject().put("disposition", "Sale!")),
        400, "invalid-field", "disposition");
    assertError(call(HttpMethod.POST, base + later.value() + "/disposition", new JsonObject().put("disposition", "cb")
        .put("callbackAgent", "ada")), 400, "invalid-field", "callbackAt");
    assertError(call(HttpMethod.POST, "/api/v1/campaigns/fed-nothing/leads/" + sold.value() + "/disposition",
        new JsonObject().put("disposition", "sale")), 404, "lead-not-found", "id");

    assertThat(call(HttpMethod.POST, base + sold.value() + "/disposition", new JsonObject().put("disposition", "sale"))
        .statusCode()).isEqualTo(204);
    assertThat(call(HttpMethod.POST, base + later.value() + "/disposition", new JsonObject().put("disposition", "cb")
        .put("callbackAt", "2026-11-25T10:00:00Z").put("callbackAgent", "ada")).statusCode()).isEqualTo(204);

    JsonArray leads = call(HttpMethod.GET, "/api/v1/campaigns/wrapped/leads", null).bodyAsJsonObject()
        .getJsonArray("leads");
    assertThat(leads.getJsonObject(0).getString("state")).isEqualTo("completed");
    assertThat(leads.getJsonObject(0).getString("lastDisposition")).isEqualTo("sale");
    assertThat(leads.getJsonObject(1).getString("state")).isEqualTo("callback");
    assertThat(leads.getJsonObject(1).getString("callbackAgent")).isEqualTo("ada");
    assertThat(leads.getJsonObject(1).getString("nextAttemptAt")).isEqualTo("2026-11-25T10:00:00Z");
  }
}
