package io.switchboard.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.server.security.Caller;
import io.switchboard.server.security.Role;
import io.switchboard.server.security.SessionTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 7's security tests against the real server process, configured as an operator would (file, environment,
 * a session key from a file): no token, a wrong token, an expired token, an agent acting on another agent, a
 * supervisor outside their team, an oversized body and a flood are each refused with their status and errorId, and
 * what they tried to change reads back unchanged.
 */
class ApiSecurityIT {

  private static final String SESSION_KEY = "e2e-session-key-0123456789abcdef-0123456789";

  private static Path workDir;
  private static ServerProcess server;
  private static int port;
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();

  @BeforeAll
  static void start() throws Exception {
    workDir = Path.of(System.getProperty("e2e.work.dir", "target/e2e"), "api-security-" + UUID.randomUUID());
    Files.createDirectories(workDir);
    port = ServerProcess.freePort();
    Path keyFile = Files.writeString(workDir.resolve("session-key"), SESSION_KEY + "\n");
    Path config = Files.writeString(workDir.resolve("switchboard.yaml"), """
        http:
          host: 127.0.0.1
          port: %d
          max-body-bytes: 4096
          auth:
            session-key-file: %s
        database:
          embedded:
            data-dir: %s
        """.formatted(port, keyFile.toAbsolutePath(), workDir.resolve("db").toAbsolutePath()));
    server = ServerProcess.start(Map.of("SWITCHBOARD_HTTP_RATE_LIMIT_REQUESTS_PER_SECOND", "2",
        "SWITCHBOARD_HTTP_RATE_LIMIT_BURST", "40"), "run", "--config", config.toString());
    ServerApi api = new ServerApi(port, server);
    api.await("the server is ready", () -> api.get("/health/ready").statusCode() == 200, Duration.ofSeconds(180));
    ApiSecurityIT setUp = new ApiSecurityIT();
    for (String[] agent : new String[][] {{"ana", "north"}, {"bob", "south"}}) {
      assertThat(setUp.send("POST", "/api/v1/agents", ServerProcess.ADMIN_TOKEN, setUp.object().put("id", agent[0])
          .put("displayName", agent[0]).put("device", "PJSIP/" + agent[0])).statusCode()).isEqualTo(201);
      ObjectNode user = setUp.object().put("role", "agent").put("agentId", agent[0]).put("password", agent[0] + "-pw-123");
      user.putArray("teams").add(agent[1]);
      assertThat(setUp.send("PUT", "/api/v1/users/" + agent[0], ServerProcess.ADMIN_TOKEN, user).statusCode())
          .isEqualTo(201);
    }
    ObjectNode sue = setUp.object().put("role", "supervisor").put("password", "sue-pw-123");
    sue.putArray("teams").add("north");
    assertThat(setUp.send("PUT", "/api/v1/users/sue", ServerProcess.ADMIN_TOKEN, sue).statusCode()).isEqualTo(201);
  }

  @AfterAll
  static void stop() throws Exception {
    ServerProcess.stopAll(server, null, workDir);
  }

  @Test
  void each_refusal_has_its_status_and_error_id_and_changes_nothing() throws Exception {
    String ana = signIn("ana", "ana-pw-123");
    String sue = signIn("sue", "sue-pw-123");
    String expired = new SessionTokens(SESSION_KEY.getBytes(StandardCharsets.UTF_8), Duration.ofMinutes(600))
        .issue(new Caller("ana", Role.AGENT, Optional.of("ana"), Set.of("north")), Instant.now().minus(Duration.ofDays(1)));
    String bobBefore = state("bob");
    ObjectNode available = object().put("state", "available");

    refused(send("POST", "/api/v1/queues", null, object().put("id", "q-none")), 401, "unauthenticated");
    refused(send("POST", "/api/v1/queues", "wrong-token", object().put("id", "q-wrong")), 401, "unauthenticated");
    refused(send("POST", "/api/v1/agents/ana/state", expired, available), 401, "token-expired");
    refused(send("POST", "/api/v1/agents/bob/state", ana, available), 403, "forbidden");
    refused(send("POST", "/api/v1/agents/bob/state", sue, available), 403, "forbidden");
    refused(send("POST", "/api/v1/queues", ServerProcess.ADMIN_TOKEN, object().put("id", "q-huge")
        .put("name", "x".repeat(5000))), 413, "body-too-large");

    assertThat(state("bob")).isEqualTo(bobBefore);
    for (String queue : new String[] {"q-none", "q-wrong", "q-huge"}) {
      assertThat(send("GET", "/api/v1/queues/" + queue, ServerProcess.ADMIN_TOKEN, null).statusCode()).isEqualTo(404);
    }
  }

  @Test
  void a_flood_of_one_callers_requests_is_429_with_retry_after_and_changes_nothing() throws Exception {
    String bob = signIn("bob", "bob-pw-123");
    String before = state("bob");
    HttpResponse<String> last = null;
    for (int i = 0; i < 200 && (last == null || last.statusCode() != 429); i++) {
      last = send("GET", "/api/v1/agents/bob/state", bob, null);
    }

    refused(last, 429, "rate-limited");
    assertThat(last.headers().firstValue("retry-after")).isPresent();
    refused(send("POST", "/api/v1/agents/bob/state", bob, object().put("state", "available")), 429, "rate-limited");
    assertThat(state("bob")).isEqualTo(before);
  }

  private void refused(HttpResponse<String> response, int status, String errorId) throws IOException {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(json.readTree(response.body()).path("errorId").asText()).isEqualTo(errorId);
  }

  private String state(String agent) throws Exception {
    HttpResponse<String> read = send("GET", "/api/v1/agents/" + agent + "/state", ServerProcess.ADMIN_TOKEN, null);
    assertThat(read.statusCode()).isEqualTo(200);
    return json.readTree(read.body()).path("state").asText();
  }

  private String signIn(String user, String password) throws Exception {
    HttpResponse<String> answer = send("POST", "/api/v1/sessions", null, object().put("username", user)
        .put("password", password));
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
    JsonNode session = json.readTree(answer.body());
    return session.path("token").asText();
  }

  private ObjectNode object() {
    return json.createObjectNode();
  }

  private HttpResponse<String> send(String method, String path, String token, JsonNode body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body.toString()))
        .header("content-type", "application/json");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
