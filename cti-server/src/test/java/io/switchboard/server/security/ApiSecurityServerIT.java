package io.switchboard.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.server.config.AuthSettings;
import io.switchboard.server.config.CorsSettings;
import io.switchboard.server.config.EmbeddedDatabaseSettings;
import io.switchboard.server.config.HttpSettings;
import io.switchboard.server.config.RateLimitSettings;
import io.switchboard.server.config.Secret;
import io.switchboard.server.config.SwitchboardConfig;
import io.switchboard.server.persistence.TestDataDirs;
import io.switchboard.server.runtime.Server;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 7's security tests over real HTTP against a whole node on a real MariaDB: no token, a wrong token, an
 * expired token, an agent acting on another agent, a supervisor outside their team, an oversized body, a flood of
 * requests and of failed sign-ins are each refused with their status and errorId, and nothing changed (read back
 * after). Also API tokens, the audit, CORS and that every route is in the access policy.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ApiSecurityServerIT {

  static final String ADMIN = "it-admin-token-0123456789";
  static final String SESSION_KEY = "it-session-key-0123456789abcdef-0123456789";
  static final String ORIGIN = "https://acme.lightning.force.com";

  static Path dataDir;
  static Server server;
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    dataDir = TestDataDirs.fresh("api-security");
    SwitchboardConfig defaults = SwitchboardConfig.defaults();
    HttpSettings settings = new HttpSettings("127.0.0.1", 0,
        new AuthSettings(new Secret(ADMIN), new Secret(SESSION_KEY), 60), new CorsSettings(List.of(ORIGIN)),
        "'self' " + ORIGIN, 4096, 1024 * 1024, new RateLimitSettings(true, 5, 60, 20, 100, 3, 1));
    SwitchboardConfig config = defaults.withHttp(settings)
        .withDatabase(defaults.database().withEmbedded(new EmbeddedDatabaseSettings(dataDir.toString(), 0)))
        .withHazelcast(defaults.hazelcast().withMemberPort(freePort()));
    server = Server.start(config, new VertxOptions().setMaxEventLoopExecuteTime(200)
        .setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS)).toCompletionStage().toCompletableFuture()
        .get(4, TimeUnit.MINUTES);
    ApiSecurityServerIT setUp = new ApiSecurityServerIT();
    for (String[] agent : new String[][] {{"ana", "north"}, {"bob", "south"}, {"cid", "south"}}) {
      assertThat(setUp.send("POST", "/api/v1/agents", ADMIN, new JsonObject().put("id", agent[0])
          .put("displayName", agent[0]).put("device", "PJSIP/" + agent[0])
          .put("skills", new JsonArray())).statusCode()).isEqualTo(201);
      assertThat(setUp.send("PUT", "/api/v1/users/" + agent[0], ADMIN, new JsonObject().put("role", "agent")
          .put("agentId", agent[0]).put("teams", new JsonArray().add(agent[1])).put("password", agent[0] + "-password"))
          .statusCode()).isEqualTo(201);
    }
    assertThat(setUp.send("PUT", "/api/v1/users/sue", ADMIN, new JsonObject().put("role", "supervisor")
        .put("teams", new JsonArray().add("north")).put("password", "sue-password")).statusCode()).isEqualTo(201);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    TestDataDirs.delete(dataDir);
  }

  @Test
  void every_route_the_node_serves_has_a_row_in_the_access_policy() {
    assertThat(server.routesNotInAccessPolicy()).isEmpty();
  }

  @Test
  void no_token_is_401_unauthenticated_and_creates_nothing() throws Exception {
    HttpResponse<String> refused = send("POST", "/api/v1/queues", null, new JsonObject().put("id", "sneaky"));

    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(errorId(refused)).isEqualTo("unauthenticated");
    assertThat(refused.headers().firstValue("www-authenticate")).contains("Bearer realm=\"switchboard\"");
    assertThat(send("GET", "/api/v1/queues/sneaky", ADMIN, null).statusCode()).isEqualTo(404);
  }

  @Test
  void a_wrong_token_and_a_forged_session_are_401_unauthenticated() throws Exception {
    String forged = new SessionTokens("another-key-0123456789abcdef-0123456789".getBytes(StandardCharsets.UTF_8),
        Duration.ofHours(1)).issue(Caller.adminToken(), Instant.now());

    for (String token : List.of("not-a-token", forged, "sbt_" + "A".repeat(43))) {
      HttpResponse<String> refused = send("GET", "/api/v1/agents", token, null);
      assertThat(refused.statusCode()).as(token).isEqualTo(401);
      assertThat(errorId(refused)).isEqualTo("unauthenticated");
    }
  }

  @Test
  void an_expired_session_is_401_token_expired() throws Exception {
    SessionTokens sameKey = new SessionTokens(SESSION_KEY.getBytes(StandardCharsets.UTF_8), Duration.ofMinutes(60));
    String expired = sameKey.issue(new Caller("ana", Role.AGENT, Optional.of("ana"), Set.of("north")),
        Instant.now().minus(Duration.ofHours(2)));

    HttpResponse<String> refused = send("POST", "/api/v1/agents/ana/state", expired,
        new JsonObject().put("state", "available"));

    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(errorId(refused)).isEqualTo("token-expired");
  }

  @Test
  void an_agent_acting_on_another_agent_is_403_and_the_other_agent_is_unchanged() throws Exception {
    String before = state("cid");

    HttpResponse<String> refused = send("POST", "/api/v1/agents/cid/state", signIn("ana", "ana-password"),
        new JsonObject().put("state", "available"));

    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(errorId(refused)).isEqualTo("forbidden");
    assertThat(state("cid")).isEqualTo(before);
  }

  @Test
  void a_supervisor_outside_the_agents_team_is_403_inside_it_is_let_through_and_audited() throws Exception {
    String sue = signIn("sue", "sue-password");
    String before = state("cid");

    HttpResponse<String> refused = send("POST", "/api/v1/agents/cid/state", sue, new JsonObject().put("state",
        "available"));
    HttpResponse<String> allowed = send("POST", "/api/v1/agents/ana/state", sue, new JsonObject().put("state",
        "available").put("reason", "forced"));

    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(errorId(refused)).isEqualTo("forbidden");
    assertThat(state("cid")).isEqualTo(before);
    assertThat(allowed.statusCode()).as(allowed.body()).isNotIn(401, 403);
    JsonObject entry = eventuallyAudited("sue", "/api/v1/agents/ana/state");
    assertThat(entry.getString("role")).isEqualTo("supervisor");
    assertThat(entry.getInteger("status")).isEqualTo(allowed.statusCode());
    assertThat(entry.getString("targetId")).isEqualTo("ana");
  }

  @Test
  void an_oversized_body_is_413_body_too_large_and_creates_nothing() throws Exception {
    JsonObject queue = new JsonObject().put("id", "huge").put("name", "x".repeat(5000));

    HttpResponse<String> refused = send("POST", "/api/v1/queues", ADMIN, queue);

    assertThat(refused.statusCode()).isEqualTo(413);
    assertThat(errorId(refused)).isEqualTo("body-too-large");
    assertThat(new JsonObject(refused.body()).getJsonObject("details").getString("key"))
        .isEqualTo("http.max-body-bytes");
    assertThat(send("GET", "/api/v1/queues/huge", ADMIN, null).statusCode()).isEqualTo(404);
  }

  @Test
  void a_flood_of_requests_is_429_rate_limited_with_retry_after_and_changes_nothing() throws Exception {
    String bob = signIn("bob", "bob-password");
    String before = state("bob");
    HttpResponse<String> last = null;
    for (int i = 0; i < 100 && (last == null || last.statusCode() != 429); i++) {
      last = send("GET", "/api/v1/agents/bob/state", bob, null);
    }

    assertThat(last.statusCode()).isEqualTo(429);
    assertThat(errorId(last)).isEqualTo("rate-limited");
    assertThat(last.headers().firstValue("retry-after")).hasValueSatisfying(s -> assertThat(Long.parseLong(s))
        .isPositive());
    HttpResponse<String> change = send("POST", "/api/v1/agents/bob/state", bob, new JsonObject().put("state",
        "available"));
    assertThat(change.statusCode()).isEqualTo(429);
    assertThat(state("bob")).isEqualTo(before);
    assertThat(send("GET", "/api/v1/agents/ana/state", ADMIN, null).statusCode()).as("another caller")
        .isEqualTo(200);
  }

  @Test
  void failed_sign_ins_are_limited_per_user_and_address_even_for_the_right_password() throws Exception {
    for (int i = 0; i < 3; i++) {
      assertThat(signInAnswer("cid", "wrong-password").statusCode()).isEqualTo(401);
    }

    HttpResponse<String> blocked = signInAnswer("cid", "cid-password");

    assertThat(blocked.statusCode()).isEqualTo(429);
    assertThat(errorId(blocked)).isEqualTo("rate-limited");
    assertThat(signInAnswer("bob", "bob-password").statusCode()).as("another user").isEqualTo(201);
  }

  @Test
  void an_api_token_acts_as_its_user_is_listed_without_its_secret_and_stops_at_once_when_revoked()
      throws Exception {
    HttpResponse<String> created = send("POST", "/api/v1/tokens", ADMIN, new JsonObject().put("username", "ana")
        .put("name", "crm sync"));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonObject token = new JsonObject(created.body());
    String secret = token.getString("token");
    assertThat(secret).startsWith("sbt_");

    assertThat(send("GET", "/api/v1/agents/ana/state", secret, null).statusCode()).isEqualTo(200);
    assertThat(send("GET", "/api/v1/agents/bob/state", secret, null).statusCode()).isEqualTo(403);
    String listed = send("GET", "/api/v1/tokens", ADMIN, null).body();
    assertThat(listed).contains(token.getString("id"), "crm sync").doesNotContain(secret, "hash");

    assertThat(send("DELETE", "/api/v1/tokens/" + token.getString("id"), ADMIN, null).statusCode()).isEqualTo(204);
    HttpResponse<String> revoked = send("GET", "/api/v1/agents/ana/state", secret, null);
    assertThat(revoked.statusCode()).isEqualTo(401);
    assertThat(errorId(revoked)).isEqualTo("unauthenticated");
    JsonObject audited = eventuallyAudited("admin", "/api/v1/tokens");
    assertThat(audited.getString("detail")).contains("crm sync").doesNotContain(secret);
  }

  @Test
  void a_bad_token_request_names_the_field_and_makes_no_token() throws Exception {
    HttpResponse<String> refused = send("POST", "/api/v1/tokens", ADMIN, new JsonObject().put("username", "nobody")
        .put("name", "x"));
    HttpResponse<String> past = send("POST", "/api/v1/tokens", ADMIN, new JsonObject().put("username", "ana")
        .put("name", "x").put("expiresAt", "2001-01-01T00:00:00Z"));

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(new JsonObject(refused.body()).getJsonObject("details").getString("field")).isEqualTo("username");
    assertThat(past.statusCode()).isEqualTo(400);
    assertThat(new JsonObject(past.body()).getJsonObject("details").getString("field")).isEqualTo("expiresAt");
  }

  @Test
  void a_users_password_never_reaches_the_audit() throws Exception {
    send("PUT", "/api/v1/users/temp", ADMIN, new JsonObject().put("role", "supervisor")
        .put("password", "a-secret-password"));

    JsonObject entry = eventuallyAudited("admin", "/api/v1/users/temp");

    assertThat(entry.encode()).doesNotContain("a-secret-password").contains(AuditRedaction.REMOVED);
    assertThat(send("GET", "/api/v1/audit?limit=0", ADMIN, null).statusCode()).isEqualTo(400);
    assertThat(send("GET", "/api/v1/audit", signIn("sue", "sue-password"), null).statusCode()).isEqualTo(403);
  }

  @Test
  void only_configured_origins_may_call_from_a_browser_and_pages_say_who_may_frame_them() throws Exception {
    HttpResponse<String> preflight = http.send(HttpRequest.newBuilder(uri("/api/v1/agents/ana/state"))
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", ORIGIN)
        .header("Access-Control-Request-Method", "POST")
        .header("Access-Control-Request-Headers", "authorization, content-type").build(),
        HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> stranger = http.send(HttpRequest.newBuilder(uri("/api/v1/agents/ana/state"))
        .header("Origin", "https://evil.example").header("Authorization", "Bearer " + ADMIN).build(),
        HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> page = http.send(HttpRequest.newBuilder(uri("/app/")).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(preflight.statusCode()).isEqualTo(204);
    assertThat(preflight.headers().firstValue("access-control-allow-origin")).contains(ORIGIN);
    assertThat(preflight.headers().firstValue("access-control-allow-headers")).contains("Authorization, Content-Type");
    assertThat(preflight.headers().firstValue("access-control-allow-credentials")).isEmpty();
    assertThat(stranger.statusCode()).isEqualTo(403);
    assertThat(errorId(stranger)).isEqualTo("cors-origin-not-allowed");
    assertThat(page.headers().firstValue("content-security-policy")).contains("frame-ancestors 'self' " + ORIGIN);
  }

  private String state(String agent) throws Exception {
    HttpResponse<String> read = send("GET", "/api/v1/agents/" + agent + "/state", ADMIN, null);
    assertThat(read.statusCode()).isEqualTo(200);
    return new JsonObject(read.body()).getString("state");
  }

  private JsonObject eventuallyAudited(String actor, String path) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (true) {
      JsonArray entries = new JsonObject(send("GET", "/api/v1/audit?actor=" + actor + "&limit=1000", ADMIN, null)
          .body()).getJsonArray("entries");
      for (int i = 0; i < entries.size(); i++) {
        if (entries.getJsonObject(i).getString("path").equals(path)) {
          return entries.getJsonObject(i);
        }
      }
      assertThat(System.nanoTime()).as("audited " + actor + " " + path).isLessThan(deadline);
      Thread.sleep(300);
    }
  }

  private String signIn(String user, String password) throws Exception {
    HttpResponse<String> answer = signInAnswer(user, password);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
    return new JsonObject(answer.body()).getString("token");
  }

  private HttpResponse<String> signInAnswer(String user, String password) throws Exception {
    return send("POST", "/api/v1/sessions", null, new JsonObject().put("username", user).put("password", password));
  }

  private HttpResponse<String> send(String method, String path, String token, JsonObject body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).method(method, body == null
        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body.encode()))
        .header("content-type", "application/json");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.httpPort() + path);
  }

  private static String errorId(HttpResponse<String> response) {
    return new JsonObject(response.body()).getString("errorId");
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
