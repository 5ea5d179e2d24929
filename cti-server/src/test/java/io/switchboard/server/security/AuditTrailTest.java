package io.switchboard.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Which requests go to the admin audit: changes by supervisors and admins, not their own agent's, never reads. */
class AuditTrailTest {

  private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

  private final Vertx vertx = Vertx.vertx();
  private final List<AuditEntry> audited = new CopyOnWriteArrayList<>();
  private final SessionTokens sessions = new SessionTokens(SessionTokens.randomKey(), Duration.ofHours(1));
  private HttpClient client;
  private int port;

  @BeforeEach
  void serve() {
    InMemoryUsers users = new InMemoryUsers();
    users.save(new User("ana", Role.AGENT, Optional.of("ana"), Set.of("north"), "x"));
    users.save(new User("bob", Role.AGENT, Optional.of("bob"), Set.of("north"), "x"));
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    Router router = Router.router(vertx);
    router.route().handler(new SecurityHandler(AccessPolicy.standard(),
        new Credentials(Optional.of(TestSecurity.ADMIN_TOKEN), sessions), users, Clock.systemUTC()));
    router.route().handler(new BodyLimits(4096, 4096));
    router.route().handler(new AuditTrail(audited::add, clock));
    router.route().handler(ctx -> ctx.response().setStatusCode(ctx.request().method() == HttpMethod.GET ? 200 : 202)
        .end());
    port = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await().actualPort();
    client = vertx.createHttpClient();
  }

  @AfterEach
  void stop() {
    vertx.close().await();
  }

  private String token(String subject, Role role, String agent) {
    return sessions.issue(new Caller(subject, role, Optional.ofNullable(agent), Set.of("north")), Instant.now());
  }

  private int send(HttpMethod method, String path, String token, String body) {
    return client.request(new RequestOptions().setMethod(method).setHost("127.0.0.1").setPort(port).setURI(path)
            .putHeader("Authorization", "Bearer " + token).putHeader("content-type", "application/json"))
        .compose(req -> req.send(Buffer.buffer(body)))
        .map(response -> response.statusCode()).await();
  }

  /**
   * Waits (5 s at most) until {@code count} entries are noted: an entry is noted when its answer has been written,
   * which may be a moment after the client has read it.
   */
  private void awaitEntries(int count) {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (audited.size() < count && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
  }

  /** An admin change sent last: once it is noted, every earlier request that would have been is too. */
  private void barrier() {
    int before = audited.size();
    send(HttpMethod.DELETE, "/api/v1/queues/barrier", TestSecurity.ADMIN_TOKEN, "");
    awaitEntries(before + 1);
    assertThat(audited).last().extracting(AuditEntry::path).isEqualTo("/api/v1/queues/barrier");
    audited.remove(audited.size() - 1);
  }

  @Test
  void a_supervisor_forcing_an_agents_state_is_written_with_who_when_what_and_the_status() throws Exception {
    int status = send(HttpMethod.POST, "/api/v1/agents/ana/state", token("sue", Role.SUPERVISOR, null),
        "{\"state\":\"paused\",\"reason\":\"coaching\"}");
    awaitEntries(1);

    assertThat(audited).containsExactly(new AuditEntry(NOW, "sue", "supervisor", "POST", "/api/v1/agents/ana/state",
        "ana", status, "{\"state\":\"paused\",\"reason\":\"coaching\"}"));
  }

  @Test
  void an_admins_configuration_change_is_written_and_a_read_is_not() throws Exception {
    send(HttpMethod.PUT, "/api/v1/users/zoe", TestSecurity.ADMIN_TOKEN, "{\"role\":\"agent\",\"password\":\"pw\"}");
    send(HttpMethod.GET, "/api/v1/users", TestSecurity.ADMIN_TOKEN, "");
    awaitEntries(1);
    barrier();

    assertThat(audited).singleElement().satisfies(entry -> {
      assertThat(entry.actor()).isEqualTo(Caller.ADMIN_TOKEN_SUBJECT);
      assertThat(entry.targetId()).isEqualTo("zoe");
      assertThat(entry.detail()).doesNotContain("\"pw\"").contains(AuditRedaction.REMOVED);
    });
  }

  @Test
  void agents_and_a_supervisor_acting_on_their_own_agent_are_not_audited() throws Exception {
    send(HttpMethod.POST, "/api/v1/agents/ana/state", token("ana", Role.AGENT, "ana"), "{\"state\":\"paused\"}");
    send(HttpMethod.POST, "/api/v1/agents/bob/state", token("bob-lead", Role.SUPERVISOR, "bob"),
        "{\"state\":\"paused\"}");
    barrier();

    assertThat(audited).isEmpty();
  }

  @Test
  void a_refused_request_is_not_a_change() throws Exception {
    send(HttpMethod.POST, "/api/v1/queues", token("sue", Role.SUPERVISOR, null), "{\"id\":\"q\"}");
    barrier();

    assertThat(audited).isEmpty();
  }
}
