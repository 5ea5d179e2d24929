package io.switchboard.server.crm;

import static io.switchboard.server.persistence.jooq.Tables.AGENTS;
import static io.switchboard.server.persistence.jooq.Tables.CRM_OUTBOX;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.call.Did;
import io.switchboard.core.crm.CallLog;
import io.switchboard.core.crm.CrmLookup;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;
import io.switchboard.core.id.PbxId;
import io.switchboard.core.id.QueueId;
import io.switchboard.queue.routing.JournalEntry;
import io.switchboard.queue.routing.RoutingJournal;
import io.switchboard.server.config.HttpSettings;
import io.switchboard.server.http.HttpApi;
import io.switchboard.server.http.HttpVerticle;
import io.switchboard.server.http.InMemoryAgentDirectory;
import io.switchboard.server.metrics.ServerMetrics;
import io.switchboard.server.persistence.Database;
import io.switchboard.server.persistence.DatabaseSettings;
import io.switchboard.server.persistence.TestDataDirs;
import io.switchboard.server.status.StatusRegistry;
import io.switchboard.server.security.TestSecurity;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An inbound call seen by the CRM through the router's journal, from the pop to its log in the outbox, and the
 * CRM routes over HTTP, on a real, migrated MariaDB.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class CrmRoutesIT {

  private static final CallId CALL = CallId.of("pbx1/h1");
  private static final QueueId SUPPORT = QueueId.of("support");
  private static final AgentId ANA = AgentId.of("ana");
  private static final LegId CALLER_LEG = LegId.of("h1-caller");

  private static Vertx vertx;
  private static Path dataDir;
  private static Database database;
  private static ServerMetrics metrics;
  private static MutableClock clock;
  private static OutboxWriter writer;
  private static CrmCalls calls;
  private static WebClient client;
  private static JooqAgentCrmUsers users;
  private static int port;
  private static final List<JournalEntry> journalled = new ArrayList<>();

  @BeforeAll
  static void serve() {
    vertx = Vertx.vertx();
    dataDir = TestDataDirs.fresh("crm-routes");
    database = Database.open(vertx, DatabaseSettings.embedded(dataDir));
    clock = new MutableClock(Logs.STARTED);
    FakeCrm salesforce = new FakeCrm("salesforce", clock).finding(number -> new CrmLookup.Matched(List.of(
        Logs.match("salesforce", "003A1", Optional.of("005X")))));
    FakeCrm hubspot = new FakeCrm("hubspot", clock);
    writer = new OutboxWriter(database, vertx, clock, Duration.ofMillis(200), 100);
    JooqCrmOutbox outbox = new JooqCrmOutbox(database);
    users = new JooqAgentCrmUsers(database);
    CrmPops pops = new CrmPops(vertx, List.of(salesforce, hubspot),
        agent -> CompletableFuture.completedFuture(java.util.Map.of()), Duration.ofSeconds(2), clock);
    calls = new CrmCalls(List.of(salesforce, hubspot), writer, pops, Duration.ofSeconds(120), clock);
    metrics = new ServerMetrics();
    HttpVerticle http = new HttpVerticle(new HttpSettings("127.0.0.1", 0),
        new HttpApi(new StatusRegistry(Duration.ofSeconds(1)), metrics, new InMemoryAgentDirectory(), TestSecurity.admin())
            .mounting(new CrmRoutes(outbox, pops, calls)::mount)
            .mounting(new CrmUserRoutes(users)::mount));
    vertx.deployVerticle(http).await();
    port = http.actualPort();
    client = TestSecurity.adminClient(vertx);
  }

  @AfterAll
  static void stop() {
    metrics.close();
    database.close();
    vertx.close().await();
    TestDataDirs.delete(dataDir);
  }

  private static HttpResponse<Buffer> get(String path) {
    return client.get(port, "127.0.0.1", path).send().await();
  }

  private static HttpResponse<Buffer> post(String path, String body) {
    return client.post(port, "127.0.0.1", path).sendBuffer(Buffer.buffer(body)).await();
  }

  private static void waitFor(java.util.function.BooleanSupplier done) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!done.getAsBoolean() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(done.getAsBoolean()).isTrue();
  }

  @Test
  void an_answered_call_pops_for_its_agent_and_its_wrap_up_puts_one_log_per_crm_in_the_outbox() throws Exception {
    RoutingJournal journal = calls.tap(entry -> {
      journalled.add(entry);
      return CompletableFuture.completedFuture(null);
    });
    journal.record(new JournalEntry.Entered(CALL, SUPPORT, Logs.STARTED, PbxId.of("pbx1"), CALLER_LEG,
        Optional.of(Logs.CALLER), new Did("+442079460999"), 1));
    journal.record(new JournalEntry.AgentRung(CALL, SUPPORT, Logs.STARTED.plusSeconds(3), ANA, LegId.of("a"),
        "PJSIP/ana"));
    waitFor(() -> get("/api/v1/agents/ana/pop").statusCode() == 200);
    JsonObject pop = get("/api/v1/agents/ana/pop").bodyAsJsonObject();
    assertThat(pop.getString("callId")).isEqualTo("pbx1/h1");
    assertThat(pop.getJsonArray("crms").getJsonObject(0).getString("status")).isEqualTo("matched");
    journal.record(new JournalEntry.Completed(CALL, SUPPORT, Logs.STARTED.plusSeconds(100), ANA, CALLER_LEG,
        LegId.of("a"), true, Duration.ofSeconds(5), Duration.ofSeconds(90), 1));
    assertThat(journalled).hasSize(3);

    assertThat(post("/api/v1/agents/ana/wrap-up", "{\"disposition\":\"Resolved!\"}").bodyAsJsonObject()
        .getJsonObject("details").getString("field")).isEqualTo("disposition");
    assertThat(post("/api/v1/agents/ana/wrap-up", "{\"outcome\":\"x\"}").bodyAsJsonObject()
        .getJsonObject("details").getString("field")).isEqualTo("outcome");
    assertThat(post("/api/v1/agents/ben/wrap-up", "{\"notes\":\"hi\"}").statusCode()).isEqualTo(409);
    HttpResponse<Buffer> done = post("/api/v1/agents/ana/wrap-up",
        "{\"disposition\":\"resolved\",\"notes\":\"sent a new router\"}");
    assertThat(done.statusCode()).isEqualTo(202);
    assertThat(post("/api/v1/agents/ana/wrap-up", "{\"notes\":\"again\"}").statusCode()).isEqualTo(409);
    waitFor(() -> writer.unwritten() == 0);

    List<CallLog> stored = database.query(dsl -> dsl.selectFrom(CRM_OUTBOX).orderBy(CRM_OUTBOX.CONNECTOR)
        .fetch(r -> CallLogCodec.decode(r.getLogVersion(), r.getCallLog()))).await();
    assertThat(stored).extracting(CallLog::idempotencyKey).containsExactly("pbx1/h1:ana", "pbx1/h1:ana");
    assertThat(stored).allSatisfy(log -> {
      assertThat(log.disposition()).contains("resolved");
      assertThat(log.notes()).contains("sent a new router");
      assertThat(log.talkTime()).isEqualTo(Duration.ofSeconds(90));
    });
    assertThat(stored.get(0).contact()).isEmpty();
    assertThat(stored.get(1).contact().map(c -> c.contactId())).contains("003A1");

    JsonObject page = get("/api/v1/crm/outbox?state=pending&limit=10").bodyAsJsonObject();
    assertThat(page.getJsonArray("items")).hasSize(2);
    assertThat(page.getJsonArray("items").getJsonObject(0).getString("state")).isEqualTo("pending");
    assertThat(page.encode()).doesNotContain("2079460018");
    assertThat(get("/api/v1/crm/outbox?state=logged").bodyAsJsonObject().getJsonArray("items")).isEmpty();
  }

  @Test
  void bad_outbox_queries_are_refused_naming_the_parameter() {
    HttpResponse<Buffer> state = get("/api/v1/crm/outbox?state=done");
    assertThat(state.statusCode()).isEqualTo(400);
    assertThat(state.bodyAsJsonObject().getJsonObject("details").getString("field")).isEqualTo("state");
    HttpResponse<Buffer> limit = get("/api/v1/crm/outbox?limit=501");
    assertThat(limit.statusCode()).isEqualTo(400);
    assertThat(limit.bodyAsJsonObject().getJsonObject("details").getString("field")).isEqualTo("limit");
    assertThat(get("/api/v1/agents/nobody/pop").bodyAsJsonObject().getString("errorId")).isEqualTo("no-pop");
    assertThat(post("/api/v1/agents/ana/wrap-up", "not json").bodyAsJsonObject().getString("errorId"))
        .isEqualTo("invalid-json");
  }

  private static HttpResponse<Buffer> put(String path, String body) {
    return client.put(port, "127.0.0.1", path).sendBuffer(Buffer.buffer(body)).await();
  }

  private static void agent(String id) {
    database.query(dsl -> dsl.insertInto(AGENTS).set(AGENTS.ID, id).set(AGENTS.DISPLAY_NAME, id)
        .set(AGENTS.CREATED_AT, Logs.STARTED).set(AGENTS.UPDATED_AT, Logs.STARTED).execute()).await();
  }

  @Test
  void an_agent_crm_users_are_replaced_whole_checked_by_name_and_map_an_owner_back_to_the_agent() throws Exception {
    agent("carla");
    agent("dan");

    HttpResponse<Buffer> saved = put("/api/v1/agents/carla/crm-users",
        "{\"salesforce\":\"005X\",\"zendesk\":\"456\"}");
    assertThat(saved.statusCode()).isEqualTo(200);
    assertThat(get("/api/v1/agents/carla/crm-users").bodyAsJsonObject().getJsonObject("crmUsers").getMap())
        .containsExactlyInAnyOrderEntriesOf(java.util.Map.of("salesforce", "005X", "zendesk", "456"));
    assertThat(users.agentFor("salesforce", "005X").toCompletableFuture().get()).contains(AgentId.of("carla"));

    HttpResponse<Buffer> unknown = put("/api/v1/agents/carla/crm-users", "{\"pipedrive\":\"1\"}");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.bodyAsJsonObject().getJsonObject("details").getString("field"))
        .isEqualTo("crmUsers.pipedrive");
    assertThat(put("/api/v1/agents/carla/crm-users", "{\"hubspot\":\" \"}").bodyAsJsonObject()
        .getJsonObject("details").getString("field")).isEqualTo("crmUsers.hubspot");
    assertThat(put("/api/v1/agents/dan/crm-users", "{\"salesforce\":\"005X\"}").bodyAsJsonObject()
        .getString("errorId")).isEqualTo("crm-user-taken");
    assertThat(put("/api/v1/agents/nobody/crm-users", "{}").statusCode()).isEqualTo(404);

    put("/api/v1/agents/carla/crm-users", "{\"hubspot\":\"123\"}");
    assertThat(users.of(AgentId.of("carla")).toCompletableFuture().get())
        .containsExactlyEntriesOf(java.util.Map.of("hubspot", "123"));
  }
}
