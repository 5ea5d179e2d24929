package io.switchboard.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.switchboard.server.config.HttpSettings;
import io.switchboard.server.metrics.ServerMetrics;
import io.switchboard.server.status.StatusRegistry;
import io.switchboard.server.security.TestSecurity;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
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
class StaffingRoutesTest {

  private static final String ONE_HOUR_OF_TEN_ERLANGS =
      "callsPerInterval=120&intervalSeconds=3600&ahtSeconds=300&answerWithinSeconds=20";

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

  private Future<HttpResponse<Buffer>> get(String path) {
    HttpVerticle http = new HttpVerticle(new HttpSettings("127.0.0.1", 0),
        new HttpApi(new StatusRegistry(Duration.ofSeconds(1)), metrics, new InMemoryAgentDirectory(), TestSecurity.admin()));
    client = TestSecurity.adminClient(vertx);
    return vertx.deployVerticle(http).compose(id -> {
      port = http.actualPort();
      return client.get(port, "127.0.0.1", path).send();
    });
  }

  @Test
  void erlang_c_says_ten_erlangs_need_14_agents_for_80_percent_in_20_seconds(VertxTestContext test) {
    get("/api/v1/staffing/erlang-c?" + ONE_HOUR_OF_TEN_ERLANGS + "&serviceLevel=0.8")
        .onComplete(test.succeeding(r -> test.verify(() -> {
          assertThat(r.statusCode()).isEqualTo(200);
          JsonObject body = r.bodyAsJsonObject();
          assertThat(body.getString("model")).isEqualTo("erlang-c");
          assertThat(body.getDouble("trafficErlangs")).isEqualTo(10.0);
          assertThat(body.getInteger("agents")).isEqualTo(14);
          assertThat(body.getDouble("serviceLevel")).isCloseTo(0.8666, within(0.00005));
          assertThat(body.getDouble("asaSeconds")).isCloseTo(13.06, within(0.005));
          assertThat(body.getBoolean("meetsTarget")).isTrue();
          assertThat(body.containsKey("abandonmentProbability")).isFalse();
          test.completeNow();
        })));
  }

  @Test
  void erlang_c_with_a_given_staff_reports_its_service_level_against_the_target(VertxTestContext test) {
    get("/api/v1/staffing/erlang-c?" + ONE_HOUR_OF_TEN_ERLANGS + "&serviceLevel=0.8&agents=13")
        .onComplete(test.succeeding(r -> test.verify(() -> {
          JsonObject body = r.bodyAsJsonObject();
          assertThat(body.getInteger("agents")).isEqualTo(13);
          assertThat(body.getDouble("serviceLevel")).isCloseTo(0.7664, within(0.00005));
          assertThat(body.getBoolean("meetsTarget")).isFalse();
          test.completeNow();
        })));
  }

  @Test
  void erlang_a_reports_abandonment_for_a_patience(VertxTestContext test) {
    get("/api/v1/staffing/erlang-a?" + ONE_HOUR_OF_TEN_ERLANGS + "&agents=14&patienceSeconds=120")
        .onComplete(test.succeeding(r -> test.verify(() -> {
          assertThat(r.statusCode()).isEqualTo(200);
          JsonObject body = r.bodyAsJsonObject();
          assertThat(body.getString("model")).isEqualTo("erlang-a");
          assertThat(body.getDouble("abandonmentProbability")).isCloseTo(0.02834, within(0.000005));
          assertThat(body.getDouble("serviceLevel")).isCloseTo(0.92410, within(0.000005));
          assertThat(body.getValue("targetServiceLevel")).isNull();
          test.completeNow();
        })));
  }

  @Test
  void a_service_level_of_80_instead_of_0_8_is_400_naming_the_field(VertxTestContext test) {
    get("/api/v1/staffing/erlang-c?" + ONE_HOUR_OF_TEN_ERLANGS + "&serviceLevel=80")
        .onComplete(test.succeeding(r -> test.verify(() -> {
          assertThat(r.statusCode()).isEqualTo(400);
          JsonObject error = r.bodyAsJsonObject();
          assertThat(error.getString("errorId")).isEqualTo("invalid-field");
          assertThat(error.getJsonObject("details").getString("field")).isEqualTo("serviceLevel");
          assertThat(error.getString("message")).contains("serviceLevel", "0.8 means 80%");
          test.completeNow();
        })));
  }

  @Test
  void a_rate_that_is_not_a_number_is_400_naming_the_field(VertxTestContext test) {
    get("/api/v1/staffing/erlang-c?callsPerInterval=many&ahtSeconds=300&answerWithinSeconds=20&serviceLevel=0.8")
        .onComplete(test.succeeding(r -> test.verify(() -> {
          assertThat(r.statusCode()).isEqualTo(400);
          assertThat(r.bodyAsJsonObject().getJsonObject("details").getString("field")).isEqualTo("callsPerInterval");
          test.completeNow();
        })));
  }

  @Test
  void erlang_a_without_a_patience_is_400_naming_patience(VertxTestContext test) {
    get("/api/v1/staffing/erlang-a?" + ONE_HOUR_OF_TEN_ERLANGS + "&serviceLevel=0.8")
        .onComplete(test.succeeding(r -> test.verify(() -> {
          assertThat(r.statusCode()).isEqualTo(400);
          assertThat(r.bodyAsJsonObject().getJsonObject("details").getString("field")).isEqualTo("patienceSeconds");
          test.completeNow();
        })));
  }

  @Test
  void too_few_agents_for_erlang_c_is_422_overloaded(VertxTestContext test) {
    get("/api/v1/staffing/erlang-c?" + ONE_HOUR_OF_TEN_ERLANGS + "&agents=9")
        .onComplete(test.succeeding(r -> test.verify(() -> {
          assertThat(r.statusCode()).isEqualTo(422);
          JsonObject error = r.bodyAsJsonObject();
          assertThat(error.getString("errorId")).isEqualTo("staffing-overloaded");
          assertThat(error.getJsonObject("details").getDouble("trafficErlangs")).isEqualTo(10.0);
          test.completeNow();
        })));
  }

  @Test
  void a_target_beyond_ten_thousand_agents_is_422_unreachable(VertxTestContext test) {
    get("/api/v1/staffing/erlang-c?callsPerInterval=20000&ahtSeconds=3600&answerWithinSeconds=20&serviceLevel=0.8")
        .onComplete(test.succeeding(r -> test.verify(() -> {
          assertThat(r.statusCode()).isEqualTo(422);
          assertThat(r.bodyAsJsonObject().getString("errorId")).isEqualTo("staffing-target-unreachable");
          assertThat(r.bodyAsJsonObject().getJsonObject("details").getInteger("maxAgents")).isEqualTo(10_000);
          test.completeNow();
        })));
  }

  @Test
  void the_openapi_document_describes_both_staffing_routes(VertxTestContext test) {
    get(HttpApi.OPENAPI_PATH).onComplete(test.succeeding(r -> test.verify(() -> {
      assertThat(r.bodyAsString()).contains("/api/v1/staffing/erlang-c:", "/api/v1/staffing/erlang-a:",
          "staffing-target-unreachable", "StaffingAnswer");
      test.completeNow();
    })));
  }
}
