package io.switchboard.server.http;

import static io.switchboard.server.status.DependencyState.DISABLED;
import static io.switchboard.server.status.DependencyState.DOWN;
import static io.switchboard.server.status.DependencyState.UP;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.server.config.HttpSettings;
import io.switchboard.server.metrics.ServerMetrics;
import io.switchboard.server.status.StatusCheck;
import io.switchboard.server.status.StatusRegistry;
import io.switchboard.server.security.TestSecurity;
import com.hazelcast.splitbrainprotection.SplitBrainProtectionException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class HttpApiTest {

  private final Vertx vertx = Vertx.vertx(new VertxOptions()
      .setMaxEventLoopExecuteTime(100).setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS));
  private final ServerMetrics metrics = new ServerMetrics();
  private WebClient client;
  private int port;

  @AfterEach
  void tearDown() {
    metrics.close();
    vertx.close();
  }

  private Future<Void> serve(StatusCheck... checks) {
    StatusRegistry status = new StatusRegistry(Duration.ofSeconds(1));
    for (StatusCheck check : checks) {
      status.register(check);
    }
    HttpVerticle http = new HttpVerticle(new HttpSettings("127.0.0.1", 0),
        new HttpApi(status, metrics, new InMemoryAgentDirectory(), TestSecurity.admin()));
    client = TestSecurity.adminClient(vertx);
    return vertx.deployVerticle(http).map(id -> {
      port = http.actualPort();
      return null;
    });
  }

  private Future<HttpResponse<Buffer>> get(String path) {
    return client.get(port, "127.0.0.1", path).send();
  }

  private Future<HttpResponse<Buffer>> post(String path, Object body) {
    return body instanceof JsonObject json ? client.post(port, "127.0.0.1", path).sendJsonObject(json)
        : client.post(port, "127.0.0.1", path).putHeader("content-type", "application/json").sendBuffer(Buffer.buffer(body.toString()));
  }

  @Test
  void a_write_refused_for_want_of_a_quorum_is_503_no_quorum_not_an_internal_error(VertxTestContext test) {
    StatusRegistry status = new StatusRegistry(Duration.ofSeconds(1));
    HttpVerticle http = new HttpVerticle(new HttpSettings("127.0.0.1", 0),
        new HttpApi(status, metrics, new InMemoryAgentDirectory(), TestSecurity.admin())
            .mounting(router -> router.post("/api/v1/agents/:id/state").order(-1).handler(ctx -> ctx.fail(
                new java.util.concurrent.CompletionException(new SplitBrainProtectionException(
                    "Split brain protection exception: switchboard-quorum has failed!"))))));
    client = TestSecurity.adminClient(vertx);
    vertx.deployVerticle(http)
        .compose(id -> client.post(http.actualPort(), "127.0.0.1", "/api/v1/agents/ana/state")
            .sendJsonObject(new JsonObject().put("state", "available")))
        .onComplete(test.succeeding(r -> test.verify(() -> {
          assertThat(r.statusCode()).isEqualTo(503);
          assertThat(r.bodyAsJsonObject().getString("errorId")).isEqualTo("no-quorum");
          test.completeNow();
        })));
  }

  @Test
  void liveness_is_200_while_the_process_runs(VertxTestContext test) {
    serve(FakeCheck.required("database", DOWN))
        .compose(v -> get("/health/live"))
        .onComplete(test.succeeding(r -> test.verify(() -> {
          assertThat(r.statusCode()).isEqualTo(200);
          test.completeNow();
        })));
  }

  @Test
  void readiness_is_503_naming_the_dependency_that_is_down(VertxTestContext test) {
    serve(FakeCheck.required("database", DOWN), FakeCheck.required("hazelcast", UP),
        FakeCheck.optional("pbx/main", "pbx", DOWN))
        .compose(v -> get("/health/ready"))
        .onComplete(test.succeeding(r -> test.verify(() -> {
          assertThat(r.statusCode()).isEqualTo(503);
          assertThat(r.bodyAsJsonObject().getJsonArray("waitingFor")).containsExactly("database");
          test.completeNow();
        })));
  }

  @Test
  void readiness_is_200_when_required_dependencies_are_up_even_if_a_pbx_is_not(VertxTestContext test) {
    serve(FakeCheck.required("database", UP), FakeCheck.required("hazelcast", UP),
        FakeCheck.optional("pbx/main", "pbx", DOWN))
        .compose(v -> get("/health/ready"))
        .onComplete(test.succeeding(r -> test.verify(() -> {
          assertThat(r.statusCode()).isEqualTo(200);
          test.completeNow();
        })));
  }

  @Test
  void status_has_one_entry_per_dependency(VertxTestContext test) {
    serve(FakeCheck.required("database", UP), FakeCheck.required("hazelcast", UP),
        FakeCheck.optional("pbx/main", "pbx", DOWN), FakeCheck.optional("crm/zendesk", "crm", DISABLED))
        .compose(v -> get("/status"))
        .onComplete(test.succeeding(r -> test.verify(() -> {
          JsonObject body = r.bodyAsJsonObject();
          assertThat(body.getString("status")).isEqualTo("degraded");
          JsonObject deps = body.getJsonObject("dependencies");
          assertThat(deps.fieldNames()).containsExactly("database", "hazelcast", "pbx/main", "crm/zendesk");
          assertThat(deps.getJsonObject("pbx/main").getString("state")).isEqualTo("down");
          assertThat(deps.getJsonObject("pbx/main").getString("kind")).isEqualTo("pbx");
          assertThat(deps.getJsonObject("database").getBoolean("required")).isTrue();
          assertThat(deps.getJsonObject("crm/zendesk").getString("detail")).isNotBlank();
          test.completeNow();
        })));
  }

  @Test
  void a_check_that_hangs_is_reported_down_not_an_error(VertxTestContext test) {
    serve(new HangingCheck())
        .compose(v -> get("/status"))
        .onComplete(test.succeeding(r -> test.verify(() -> {
          JsonObject db = r.bodyAsJsonObject().getJsonObject("dependencies").getJsonObject("database");
          assertThat(db.getString("state")).isEqualTo("down");
          assertThat(db.getString("detail")).contains("no answer within 1000 ms");
          test.completeNow();
        })));
  }

  @Test
  void metrics_are_prometheus_text_with_jvm_and_http_timings(VertxTestContext test) {
    serve(FakeCheck.required("database", UP))
        .compose(v -> get("/health/live"))
        .compose(v -> get("/metrics"))
        .onComplete(test.succeeding(r -> test.verify(() -> {
          assertThat(r.getHeader("content-type")).isEqualTo("text/plain; version=0.0.4; charset=utf-8");
          assertThat(r.bodyAsString())
              .containsPattern("(?m)^jvm_memory_used_bytes\\{")
              .containsPattern("(?m)^http_server_requests_seconds_count\\{.*route=\"/health/live\"");
          test.completeNow();
        })));
  }

  @Test
  void the_openapi_document_and_index_are_served(VertxTestContext test) {
    serve()
        .compose(v -> get(HttpApi.OPENAPI_PATH))
        .compose(doc -> {
          test.verify(() -> assertThat(doc.bodyAsString()).startsWith("openapi: 3")
              .contains("/api/v1/agents/{id}", "/status", "/metrics", "/health/ready"));
          return get("/");
        })
        .onComplete(test.succeeding(index -> test.verify(() -> {
          assertThat(index.bodyAsString()).contains("href=\"/status\"", "href=\"/api/openapi.yaml\"");
          test.completeNow();
        })));
  }

  @Test
  void an_agent_with_skills_is_created_and_fetched(VertxTestContext test) {
    JsonObject alice = new JsonObject().put("id", "a1").put("displayName", "Alice")
        .put("skills", new JsonArray().add(new JsonObject().put("skill", "billing").put("proficiency", 7)));
    serve()
        .compose(v -> post("/api/v1/agents", alice))
        .compose(created -> {
          test.verify(() -> {
            assertThat(created.statusCode()).isEqualTo(201);
            assertThat(created.getHeader("location")).isEqualTo("/api/v1/agents/a1");
          });
          return get("/api/v1/agents/a1");
        })
        .compose(fetched -> {
          test.verify(() -> assertThat(fetched.bodyAsJsonObject()).isEqualTo(alice.copy().put("device", null).put("queues", new JsonArray())));
          return post("/api/v1/agents", alice);
        })
        .onComplete(test.succeeding(again -> test.verify(() -> {
          assertThat(again.statusCode()).isEqualTo(409);
          assertThat(again.bodyAsJsonObject().getString("errorId")).isEqualTo("agent-exists");
          test.completeNow();
        })));
  }

  @Test
  void an_invalid_agent_gets_400_naming_the_field(VertxTestContext test) {
    JsonObject bad = new JsonObject().put("id", "a1").put("displayName", "Alice")
        .put("skills", new JsonArray().add(new JsonObject().put("skill", "billing").put("proficiency", 11)));
    serve()
        .compose(v -> post("/api/v1/agents", bad))
        .onComplete(test.succeeding(r -> test.verify(() -> {
          assertThat(r.statusCode()).isEqualTo(400);
          JsonObject error = r.bodyAsJsonObject();
          assertThat(error.getString("errorId")).isEqualTo("invalid-field");
          assertThat(error.getJsonObject("details").getString("field")).isEqualTo("skills[0].proficiency");
          assertThat(error.getString("message")).contains("skills[0].proficiency");
          test.completeNow();
        })));
  }

  @Test
  void a_body_that_is_not_json_gets_invalid_json(VertxTestContext test) {
    serve()
        .compose(v -> post("/api/v1/agents", "{not json"))
        .onComplete(test.succeeding(r -> test.verify(() -> {
          assertThat(r.statusCode()).isEqualTo(400);
          assertThat(r.bodyAsJsonObject().getString("errorId")).isEqualTo("invalid-json");
          test.completeNow();
        })));
  }

  @Test
  void an_unknown_agent_is_404_agent_not_found(VertxTestContext test) {
    serve()
        .compose(v -> get("/api/v1/agents/nobody"))
        .onComplete(test.succeeding(r -> test.verify(() -> {
          assertThat(r.statusCode()).isEqualTo(404);
          assertThat(r.bodyAsJsonObject().getString("errorId")).isEqualTo("agent-not-found");
          assertThat(r.bodyAsJsonObject().getJsonObject("details").getString("id")).isEqualTo("nobody");
          test.completeNow();
        })));
  }

  @Test
  void an_unknown_path_is_a_json_404(VertxTestContext test) {
    serve()
        .compose(v -> get("/api/v1/nothing"))
        .onComplete(test.succeeding(r -> test.verify(() -> {
          assertThat(r.statusCode()).isEqualTo(404);
          assertThat(r.bodyAsJsonObject().getString("errorId")).isEqualTo("not-found");
          test.completeNow();
        })));
  }

  /** A database check that never answers. */
  private static final class HangingCheck implements StatusCheck {
    @Override
    public String name() {
      return "database";
    }

    @Override
    public String kind() {
      return "database";
    }

    @Override
    public boolean requiredForReadiness() {
      return true;
    }

    @Override
    public Future<io.switchboard.server.status.CheckResult> check() {
      return io.vertx.core.Promise.<io.switchboard.server.status.CheckResult>promise().future();
    }
  }
}
