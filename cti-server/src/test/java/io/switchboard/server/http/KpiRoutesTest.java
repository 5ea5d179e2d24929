package io.switchboard.server.http;

import static io.switchboard.server.kpi.KpiFeeds.SUPPORT;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.agent.AgentState;
import io.switchboard.queue.kpi.KpiEngine;
import io.switchboard.queue.kpi.KpiSettings;
import io.switchboard.server.config.HttpSettings;
import io.switchboard.server.kpi.KpiFeeds;
import io.switchboard.server.kpi.Kpis;
import io.switchboard.server.metrics.ServerMetrics;
import io.switchboard.server.status.StatusRegistry;
import io.switchboard.server.security.TestSecurity;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class KpiRoutesTest {

  private static final Instant NINE = Instant.parse("2026-11-24T09:00:00Z");

  private final Vertx vertx = Vertx.vertx(new VertxOptions()
      .setMaxEventLoopExecuteTime(100).setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS));
  private final ServerMetrics metrics = new ServerMetrics();
  private final Kpis kpis = Kpis.withoutHistory(vertx,
      new KpiEngine(KpiSettings.defaults(), () -> NINE.plus(Duration.ofMinutes(2))));
  private final KpiFeeds feeds = new KpiFeeds(kpis);
  private WebClient client;
  private int port;

  @BeforeEach
  void serve() {
    HttpVerticle http = new HttpVerticle(new HttpSettings("127.0.0.1", 0),
        new HttpApi(new StatusRegistry(Duration.ofSeconds(1)), metrics, new InMemoryAgentDirectory(), TestSecurity.admin()).withKpis(kpis));
    vertx.deployVerticle(http).await();
    port = http.actualPort();
    client = TestSecurity.adminClient(vertx);
  }

  @AfterEach
  void tearDown() {
    kpis.close();
    metrics.close();
    vertx.close().await();
  }

  private HttpResponse<Buffer> get(String path) {
    return client.get(port, "127.0.0.1", path).send().await();
  }

  @Test
  void a_queue_shows_its_service_level_speed_of_answer_and_waiting_calls_per_window() {
    feeds.callEnters("c1", NINE);
    feeds.callEnters("c2", NINE);
    feeds.agentAnswers("a1", "c1", NINE.plusSeconds(10), Duration.ofSeconds(10));

    HttpResponse<Buffer> response = get("/api/v1/queues/support/kpis");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonObject body = response.bodyAsJsonObject();
    assertThat(body.getString("queue")).isEqualTo("support");
    assertThat(body.getInteger("waiting")).isEqualTo(1);
    assertThat(body.getDouble("longestWaitSeconds")).isEqualTo(120.0);
    assertThat(body.getDouble("serviceLevelThresholdSeconds")).isEqualTo(20.0);
    JsonObject last15 = body.getJsonObject("windows").getJsonObject("last15m");
    assertThat(last15.getLong("offered")).isEqualTo(2);
    assertThat(last15.getDouble("serviceLevel")).isEqualTo(1.0);
    assertThat(last15.getDouble("averageSpeedOfAnswerSeconds")).isEqualTo(10.0);
    assertThat(last15.getValue("averageHandleTimeSeconds")).isNull();
    assertThat(body.getJsonObject("windows").fieldNames()).containsExactly("last15m", "last60m", "today");
  }

  @Test
  void an_agent_shows_occupancy_and_utilisation_from_the_states_stored_through_the_tap() {
    feeds.agentIs("a1", AgentState.AVAILABLE, NINE);
    feeds.agentIs("a1", AgentState.ON_CALL, NINE.plusSeconds(30));

    JsonObject body = get("/api/v1/agents/a1/kpis").bodyAsJsonObject();

    assertThat(body.getString("state")).isEqualTo("on-call");
    JsonObject today = body.getJsonObject("windows").getJsonObject("today");
    assertThat(today.getDouble("handlingSeconds")).isEqualTo(90.0);
    assertThat(today.getDouble("occupancy")).isEqualTo(0.75);
    assertThat(today.getDouble("utilisation")).isEqualTo(0.75);
  }

  @Test
  void a_queue_nobody_called_reads_as_zeros_with_null_ratios() {
    JsonObject last60 = get("/api/v1/queues/quiet/kpis").bodyAsJsonObject().getJsonObject("windows")
        .getJsonObject("last60m");

    assertThat(last60.getLong("offered")).isZero();
    assertThat(last60.containsKey("serviceLevel")).isTrue();
    assertThat(last60.getValue("serviceLevel")).isNull();
  }

  @Test
  void all_kpis_list_every_queue_and_agent_seen() {
    feeds.callEnters("c1", NINE);
    feeds.agentIs("a1", AgentState.AVAILABLE, NINE);

    JsonObject body = get("/api/v1/kpis").bodyAsJsonObject();

    assertThat(body.getJsonArray("queues").getJsonObject(0).getString("queue")).isEqualTo(SUPPORT.value());
    assertThat(body.getJsonArray("agents").getJsonObject(0).getString("agent")).isEqualTo("a1");
  }

  @Test
  void an_id_that_cannot_be_a_queue_id_is_an_invalid_field() {
    HttpResponse<Buffer> response = get("/api/v1/queues/%20bad%20/kpis");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.bodyAsJsonObject().getString("errorId")).isEqualTo("invalid-field");
  }

  @Test
  void the_stream_without_an_upgrade_says_it_is_a_websocket() {
    HttpResponse<Buffer> response = get("/api/v1/kpis/stream");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.bodyAsJsonObject().getString("errorId")).isEqualTo("websocket-required");
  }

  @Test
  void the_openapi_document_describes_every_kpi_route_and_schema() {
    assertThat(get(HttpApi.OPENAPI_PATH).bodyAsString()).contains("  /api/v1/kpis:", "  /api/v1/queues/{id}/kpis:",
        "  /api/v1/agents/{id}/kpis:", "  /api/v1/kpis/stream:", "    QueueKpis:", "    AgentFigures:");
  }
}
