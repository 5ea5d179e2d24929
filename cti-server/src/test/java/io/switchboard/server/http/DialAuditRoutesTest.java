package io.switchboard.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.id.CampaignId;
import io.switchboard.server.compliance.DialAuditHistory;
import io.switchboard.server.compliance.DialAuditQuery;
import io.switchboard.server.config.HttpSettings;
import io.switchboard.server.metrics.ServerMetrics;
import io.switchboard.server.status.StatusRegistry;
import io.switchboard.server.security.TestSecurity;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code GET /api/v1/dial-audit}: parameters read and checked, rows returned as the history gives them. */
@ExtendWith(VertxExtension.class)
class DialAuditRoutesTest {

  private static final JsonObject ROW = new JsonObject().put("decision", "dialled").put("reason", "allowed")
      .put("phone", "+12125550199").put("calleeLocalTime", "2026-06-10T20:58");

  private final Vertx vertx = Vertx.vertx(new VertxOptions()
      .setMaxEventLoopExecuteTime(100).setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS));
  private final ServerMetrics metrics = new ServerMetrics();
  private final List<DialAuditQuery> asked = new ArrayList<>();
  private final DialAuditHistory history = query -> {
    asked.add(query);
    return Future.succeededFuture(new JsonArray().add(ROW));
  };

  @AfterEach
  void tearDown() {
    metrics.close();
    vertx.close();
  }

  private Future<HttpResponse<Buffer>> get(String path) {
    HttpVerticle http = new HttpVerticle(new HttpSettings("127.0.0.1", 0),
        new HttpApi(new StatusRegistry(Duration.ofSeconds(1)), metrics, new InMemoryAgentDirectory(), TestSecurity.admin())
            .withDialAudit(history));
    WebClient client = TestSecurity.adminClient(vertx);
    return vertx.deployVerticle(http).compose(id -> client.get(http.actualPort(), "127.0.0.1", path).send());
  }

  @Test
  void a_number_written_any_way_is_normalised_and_its_decisions_returned(VertxTestContext test) {
    get("/api/v1/dial-audit?phone=(212)%20555-0199&campaign=sales&from=2026-06-10T00:00:00Z"
        + "&to=2026-06-11T00:00:00Z&limit=20").onComplete(test.succeeding(r -> test.verify(() -> {
          assertThat(r.statusCode()).isEqualTo(200);
          assertThat(r.bodyAsJsonObject().getJsonArray("rows")).containsExactly(ROW);
          assertThat(asked).containsExactly(new DialAuditQuery(Optional.of(PhoneNumber.parse("+12125550199", "p")),
              Optional.of(CampaignId.of("sales")), Optional.of(Instant.parse("2026-06-10T00:00:00Z")),
              Optional.of(Instant.parse("2026-06-11T00:00:00Z")), 20));
          test.completeNow();
        })));
  }

  @Test
  void a_national_number_is_read_in_the_region_given_and_the_limit_defaults(VertxTestContext test) {
    get("/api/v1/dial-audit?phone=020%207946%200018&region=GB").onComplete(test.succeeding(r -> test.verify(() -> {
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(asked.get(0).phone()).contains(PhoneNumber.parse("+442079460018", "p"));
      assertThat(asked.get(0).limit()).isEqualTo(DialAuditQuery.DEFAULT_LIMIT);
      test.completeNow();
    })));
  }

  @Test
  void without_phone_or_campaign_the_request_is_refused(VertxTestContext test) {
    refused("/api/v1/dial-audit", "phone", test);
  }

  @Test
  void a_number_that_is_not_one_is_refused_naming_phone(VertxTestContext test) {
    refused("/api/v1/dial-audit?phone=12", "phone", test);
  }

  @Test
  void an_unknown_region_is_refused(VertxTestContext test) {
    refused("/api/v1/dial-audit?phone=2125550199&region=XX", "region", test);
  }

  @Test
  void a_limit_out_of_range_is_refused(VertxTestContext test) {
    refused("/api/v1/dial-audit?campaign=sales&limit=501", "limit", test);
  }

  @Test
  void a_time_that_is_not_an_instant_is_refused(VertxTestContext test) {
    refused("/api/v1/dial-audit?campaign=sales&from=yesterday", "from", test);
  }

  @Test
  void a_period_that_ends_before_it_starts_is_refused(VertxTestContext test) {
    refused("/api/v1/dial-audit?campaign=sales&from=2026-06-11T00:00:00Z&to=2026-06-10T00:00:00Z", "to", test);
  }

  @Test
  void a_campaign_id_that_cannot_be_one_is_refused(VertxTestContext test) {
    refused("/api/v1/dial-audit?campaign=sa%20les", "campaign", test);
  }

  private void refused(String path, String field, VertxTestContext test) {
    get(path).onComplete(test.succeeding(r -> test.verify(() -> {
      assertThat(r.statusCode()).isEqualTo(400);
      JsonObject body = r.bodyAsJsonObject();
      assertThat(body.getString("errorId")).isEqualTo("invalid-field");
      assertThat(body.getJsonObject("details").getString("field")).isEqualTo(field);
      assertThat(asked).isEmpty();
      test.completeNow();
    })));
  }
}
