package io.switchboard.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.server.config.HttpSettings;
import io.switchboard.server.metrics.ServerMetrics;
import io.switchboard.server.security.InMemoryUsers;
import io.switchboard.server.security.Passwords;
import io.switchboard.server.security.Role;
import io.switchboard.server.security.SocketAuth;
import io.switchboard.server.security.TestSecurity;
import io.switchboard.server.security.User;
import io.switchboard.server.status.StatusRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract of the API's security over real HTTP: sign-in, bearer tokens, the policy, the agent's socket. */
class SecuredApiTest {

  private final Vertx vertx = Vertx.vertx(new VertxOptions()
      .setMaxEventLoopExecuteTime(100).setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS));
  private final ServerMetrics metrics = new ServerMetrics();
  private final InMemoryUsers users = new InMemoryUsers();
  private final BlockingQueue<JsonObject> received = new LinkedBlockingQueue<>();
  private WebClient client;
  private WebSocketClient sockets;
  private int port;

  @BeforeEach
  void serve() {
    String hash = Passwords.hash("ana-password");
    users.save(new User("ana", Role.AGENT, Optional.of("ana"), Set.of("north"), hash));
    users.save(new User("sue", Role.SUPERVISOR, Optional.empty(), Set.of("south"), hash));
    HttpVerticle http = new HttpVerticle(new HttpSettings("127.0.0.1", 0),
        new HttpApi(new StatusRegistry(Duration.ofSeconds(1)), metrics, new InMemoryAgentDirectory(),
            TestSecurity.with(users)));
    vertx.deployVerticle(http).await();
    port = http.actualPort();
    client = WebClient.create(vertx);
    sockets = vertx.createWebSocketClient();
  }

  @AfterEach
  void tearDown() {
    sockets.close().await();
    metrics.close();
    vertx.close().await();
  }

  private String signIn(String username, String password) {
    HttpResponse<Buffer> response = client.post(port, "127.0.0.1", "/api/v1/sessions")
        .sendJsonObject(new JsonObject().put("username", username).put("password", password)).await();
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(201);
    assertThat(response.bodyAsJsonObject().getString("role")).isEqualTo(users.find(username).orElseThrow().role().wire());
    return response.bodyAsJsonObject().getString("token");
  }

  private HttpResponse<Buffer> get(String path, String token) {
    return client.get(port, "127.0.0.1", path).putHeader("Authorization", "Bearer " + token).send().await();
  }

  @Test
  void liveness_needs_no_token_but_the_api_does() {
    assertThat(client.get(port, "127.0.0.1", "/health/live").send().await().statusCode()).isEqualTo(200);

    HttpResponse<Buffer> response = client.get(port, "127.0.0.1", "/api/v1/agents").send().await();

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.bodyAsJsonObject().getString("errorId")).isEqualTo("unauthenticated");
    assertThat(response.getHeader("WWW-Authenticate")).startsWith("Bearer");
  }

  @Test
  void a_wrong_password_and_an_unknown_user_get_the_same_answer() {
    for (String user : new String[] {"ana", "nobody"}) {
      HttpResponse<Buffer> response = client.post(port, "127.0.0.1", "/api/v1/sessions")
          .sendJsonObject(new JsonObject().put("username", user).put("password", "wrong-password")).await();

      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(response.bodyAsJsonObject().getString("errorId")).isEqualTo("bad-credentials");
    }
  }

  @Test
  void an_agent_reads_their_own_record_but_not_another_agents() {
    String token = signIn("ana", "ana-password");

    assertThat(get("/api/v1/agents/ana", token).statusCode()).isNotIn(401, 403);
    HttpResponse<Buffer> other = get("/api/v1/agents/bob", token);
    assertThat(other.statusCode()).isEqualTo(403);
    assertThat(other.bodyAsJsonObject().getString("errorId")).isEqualTo("forbidden");
    assertThat(get("/api/v1/sessions/current", token).bodyAsJsonObject().getString("agentId")).isEqualTo("ana");
  }

  @Test
  void a_supervisor_outside_the_agents_team_is_refused() {
    String token = signIn("sue", "ana-password");

    assertThat(get("/api/v1/agents/ana", token).statusCode()).isEqualTo(403);
    assertThat(get("/api/v1/agents", token).statusCode()).isEqualTo(200);
  }

  @Test
  void only_admins_manage_users_and_answers_never_hold_a_hash() {
    String agent = signIn("ana", "ana-password");
    JsonObject bob = new JsonObject().put("role", "agent").put("agentId", "bob").put("password", "bob-password");

    assertThat(client.put(port, "127.0.0.1", "/api/v1/users/bob").putHeader("Authorization", "Bearer " + agent)
        .sendJsonObject(bob).await().statusCode()).isEqualTo(403);
    HttpResponse<Buffer> created = TestSecurity.adminClient(vertx).put(port, "127.0.0.1", "/api/v1/users/bob")
        .sendJsonObject(bob).await();

    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.bodyAsString()).doesNotContain("bob-password").doesNotContain("pbkdf2");
    assertThat(signIn("bob", "bob-password")).isNotBlank();
  }

  @Test
  void a_bad_user_names_the_field_and_saves_nothing() {
    HttpResponse<Buffer> response = TestSecurity.adminClient(vertx).put(port, "127.0.0.1", "/api/v1/users/carl")
        .sendJsonObject(new JsonObject().put("role", "agent").put("password", "long-enough")).await();

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.bodyAsJsonObject().getJsonObject("details").getString("field")).isEqualTo("agentId");
    assertThat(users.find("carl")).isEmpty();
  }

  @Test
  void the_agents_socket_relays_their_pops_after_the_auth_frame() throws InterruptedException {
    String token = signIn("ana", "ana-password");
    sockets.connect(port, "127.0.0.1", "/api/v1/agents/ana/events").onSuccess(socket -> {
      socket.textMessageHandler(text -> received.add(new JsonObject(text)));
      socket.writeTextMessage(new JsonObject().put("type", "auth").put("token", token).encode());
    }).await();
    assertThat(next().getString("type")).isEqualTo("ready");

    vertx.eventBus().publish("switchboard.agent.ana.pop", new JsonObject().put("callId", "c1"));

    JsonObject pop = next();
    assertThat(pop.getString("type")).isEqualTo("pop");
    assertThat(pop.getString("callId")).isEqualTo("c1");
  }

  @Test
  void the_agents_socket_opens_for_the_jdks_own_websocket_client_too() throws Exception {
    String token = signIn("ana", "ana-password");
    WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
        .buildAsync(URI.create("ws://127.0.0.1:" + port + "/api/v1/agents/ana/events"),
            new WebSocket.Listener() {
              @Override
              public CompletionStage<?> onText(WebSocket ws, CharSequence data,
                  boolean last) {
                received.add(new JsonObject(data.toString()));
                ws.request(1);
                return null;
              }
            }).get(10, TimeUnit.SECONDS);
    socket.sendText(new JsonObject().put("type", "auth").put("token", token).encode(), true);

    assertThat(next().getString("type")).isEqualTo("ready");
    socket.abort();
  }

  @Test
  void another_agents_socket_is_closed_as_forbidden() throws InterruptedException {
    String token = signIn("ana", "ana-password");
    BlockingQueue<Short> closed = new LinkedBlockingQueue<>();
    sockets.connect(port, "127.0.0.1", "/api/v1/agents/bob/events").onSuccess(socket -> {
      socket.textMessageHandler(text -> received.add(new JsonObject(text)));
      socket.closeHandler(v -> closed.add(socket.closeStatusCode()));
      socket.writeTextMessage(new JsonObject().put("type", "auth").put("token", token).encode());
    }).await();

    assertThat(next().getString("errorId")).isEqualTo("forbidden");
    assertThat(closed.poll(5, TimeUnit.SECONDS)).isEqualTo(SocketAuth.FORBIDDEN);
  }

  private JsonObject next() throws InterruptedException {
    JsonObject message = received.poll(5, TimeUnit.SECONDS);
    assertThat(message).as("a message within 5 s").isNotNull();
    return message;
  }
}
