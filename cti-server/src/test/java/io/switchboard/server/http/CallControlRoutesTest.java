package io.switchboard.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;
import io.switchboard.core.id.PbxId;
import io.switchboard.core.port.CommandResult;
import io.switchboard.core.port.Destination;
import io.switchboard.server.routing.CallTransfers;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.switchboard.server.security.BodyLimits;
import io.switchboard.server.config.HttpSettings;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class CallControlRoutesTest {

  private static final String CALL = "pbx1/1700000000.42";
  private static final String CALL_PATH = "/api/v1/calls/pbx1%2F1700000000.42/transfer";

  private final Vertx vertx = Vertx.vertx(new VertxOptions()
      .setMaxEventLoopExecuteTime(100).setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS));
  private final TransferringCallControl pbx1 = new TransferringCallControl();
  private final Map<String, JsonObject> records = new HashMap<>();
  private final Map<AgentId, LegId> openLines = new HashMap<>();

  @AfterEach
  void tearDown() {
    vertx.close();
  }

  private static JsonObject liveCall(JsonObject... legs) {
    return new JsonObject().put("id", CALL).put("endedAt", null).put("legs", new JsonArray(java.util.List.of(
        (Object[]) legs)));
  }

  private static JsonObject leg(String id, String role, String endedAt) {
    return new JsonObject().put("id", id).put("role", role).put("endedAt", endedAt);
  }

  private static JsonObject agentLeg(String id, String agent, String endpoint) {
    return leg(id, "agent", null).put("agentId", agent).put("endpoint", endpoint);
  }

  private Future<HttpResponse<Buffer>> post(String path, String body) {
    CallTransfers transfers = new CallTransfers(vertx.getOrCreateContext(),
        id -> id.equals(PbxId.of("pbx1")) ? Optional.of(pbx1) : Optional.empty(),
        id -> Future.succeededFuture(Optional.ofNullable(records.get(id))),
        agent -> Future.succeededFuture(Optional.ofNullable(openLines.get(agent))));
    Router router = Router.router(vertx);
    router.route().handler(new BodyLimits(HttpSettings.DEFAULT_MAX_BODY_BYTES, HttpSettings.DEFAULT_MAX_IMPORT_BYTES));
    new CallControlRoutes(transfers).mount(router);
    HttpServer server = vertx.createHttpServer().requestHandler(router);
    return server.listen(0, "127.0.0.1").compose(s -> WebClient.create(vertx)
        .post(s.actualPort(), "127.0.0.1", path).sendBuffer(Buffer.buffer(body)));
  }

  @Test
  void a_blind_transfer_is_sent_to_the_calls_pbx_and_answers_202_with_the_number_masked(VertxTestContext test) {
    records.put(CALL, liveCall(leg("pbx1/1700000000.42", "customer", null)));
    post(CALL_PATH, "{\"to\": \"+442071234567\"}").onComplete(test.succeeding(r -> test.verify(() -> {
      assertThat(r.statusCode()).isEqualTo(202);
      JsonObject body = r.bodyAsJsonObject();
      assertThat(body.getString("callId")).isEqualTo(CALL);
      assertThat(body.getString("mode")).isEqualTo("blind");
      assertThat(body.getString("to")).isEqualTo(PhoneNumber.parse("+442071234567", "to").masked())
          .doesNotContain("2071234567");
      assertThat(pbx1.transfers).containsExactly(new TransferringCallControl.Transfer(CallId.of(CALL), null,
          new Destination.Number(PhoneNumber.parse("+442071234567", "to"))));
      test.completeNow();
    })));
  }

  @Test
  void an_attended_transfer_starts_from_the_agent_leg_that_is_still_up(VertxTestContext test) {
    records.put(CALL, liveCall(leg("pbx1/1700000000.42", "customer", null),
        leg("pbx1/sb-first", "agent", "2026-11-24T08:00:00Z"), leg("pbx1/sb-second", "agent", null)));
    post(CALL_PATH, "{\"to\": \"+442071234567\", \"mode\": \"attended\"}")
        .onComplete(test.succeeding(r -> test.verify(() -> {
          assertThat(r.statusCode()).isEqualTo(202);
          assertThat(r.bodyAsJsonObject().getString("mode")).isEqualTo("attended");
          assertThat(pbx1.transfers).extracting(TransferringCallControl.Transfer::transferrer)
              .containsExactly(LegId.of("pbx1/sb-second"));
          test.completeNow();
        })));
  }

  @Test
  void an_attended_transfer_of_a_nailed_up_agent_starts_from_the_agents_open_line(VertxTestContext test) {
    openLines.put(AgentId.of("a2"), LegId.of("pbx1/sb-line"));
    records.put(CALL, liveCall(leg("pbx1/1700000000.42", "customer", null),
        agentLeg("pbx1/1700000000.42-agent-1", "a2", "pbx1/sb-line")));
    post(CALL_PATH, "{\"to\": \"+442071234567\", \"mode\": \"attended\"}")
        .onComplete(test.succeeding(r -> test.verify(() -> {
          assertThat(r.statusCode()).isEqualTo(202);
          assertThat(pbx1.transfers).extracting(TransferringCallControl.Transfer::transferrer)
              .containsExactly(LegId.of("pbx1/sb-line"));
          test.completeNow();
        })));
  }

  @Test
  void an_attended_transfer_of_a_rung_agent_with_a_line_elsewhere_starts_from_the_rung_leg(VertxTestContext test) {
    openLines.put(AgentId.of("a2"), LegId.of("pbx1/sb-line"));
    records.put(CALL, liveCall(leg("pbx1/1700000000.42", "customer", null),
        agentLeg("pbx1/sb-rung", "a2", "SIP/1002")));
    post(CALL_PATH, "{\"to\": \"+442071234567\", \"mode\": \"attended\"}")
        .onComplete(test.succeeding(r -> test.verify(() -> {
          assertThat(r.statusCode()).isEqualTo(202);
          assertThat(pbx1.transfers).extracting(TransferringCallControl.Transfer::transferrer)
              .containsExactly(LegId.of("pbx1/sb-rung"));
          test.completeNow();
        })));
  }

  @Test
  void an_attended_transfer_of_a_call_without_an_agent_is_refused_with_409(VertxTestContext test) {
    records.put(CALL, liveCall(leg("pbx1/1700000000.42", "customer", null)));
    post(CALL_PATH, "{\"to\": \"+442071234567\", \"mode\": \"attended\"}")
        .onComplete(test.succeeding(r -> test.verify(() -> {
          assertThat(r.statusCode()).isEqualTo(409);
          assertThat(r.bodyAsJsonObject().getString("errorId")).isEqualTo("call-has-no-agent");
          assertThat(pbx1.transfers).isEmpty();
          test.completeNow();
        })));
  }

  @Test
  void an_unknown_call_an_ended_call_and_a_call_on_an_unknown_or_unnamed_pbx_are_404(VertxTestContext test) {
    records.put("pbx1/ended", liveCall().put("endedAt", "2026-11-24T08:00:00Z"));
    records.put("pbx9/7", liveCall());
    post("/api/v1/calls/pbx1%2Fnone/transfer", "{\"to\": \"+442071234567\"}")
        .compose(unknown -> post("/api/v1/calls/pbx1%2Fended/transfer", "{\"to\": \"+442071234567\"}")
            .compose(ended -> post("/api/v1/calls/pbx9%2F7/transfer", "{\"to\": \"+442071234567\"}")
                .compose(elsewhere -> post("/api/v1/calls/%20%2F7/transfer", "{\"to\": \"+442071234567\"}")
                    .map(unnamed -> java.util.List.of(unknown, ended, elsewhere, unnamed)))))
        .onComplete(test.succeeding(all -> test.verify(() -> {
          assertThat(all).allSatisfy(r -> {
            assertThat(r.statusCode()).isEqualTo(404);
            assertThat(r.bodyAsJsonObject().getString("errorId")).isEqualTo("call-not-found");
          });
          assertThat(pbx1.transfers).isEmpty();
          test.completeNow();
        })));
  }

  @Test
  void a_bad_number_or_mode_is_400_naming_the_field(VertxTestContext test) {
    records.put(CALL, liveCall());
    post(CALL_PATH, "{\"to\": \"not a number\"}")
        .compose(number -> post(CALL_PATH, "{\"to\": \"+442071234567\", \"mode\": \"warm\"}")
            .map(mode -> java.util.List.of(number, mode)))
        .onComplete(test.succeeding(both -> test.verify(() -> {
          assertThat(both).extracting(HttpResponse::statusCode).containsExactly(400, 400);
          assertThat(both).extracting(r -> r.bodyAsJsonObject().getString("errorId"))
              .containsOnly("invalid-field");
          assertThat(both).extracting(r -> r.bodyAsJsonObject().getJsonObject("details").getString("field"))
              .containsExactly("to", "mode");
          assertThat(pbx1.transfers).isEmpty();
          test.completeNow();
        })));
  }

  @Test
  void a_call_the_pbx_no_longer_has_is_409_and_any_other_refusal_is_502(VertxTestContext test) {
    records.put(CALL, liveCall());
    pbx1.answer = new CommandResult.Failed("ami-no-such-channel", "No such channel");
    post(CALL_PATH, "{\"to\": \"+442071234567\"}").compose(gone -> {
      pbx1.answer = new CommandResult.Failed("esl-refused", "-ERR INVALID_GATEWAY");
      return post(CALL_PATH, "{\"to\": \"+442071234567\"}").map(refused -> java.util.List.of(gone, refused));
    }).onComplete(test.succeeding(both -> test.verify(() -> {
      assertThat(both).extracting(HttpResponse::statusCode).containsExactly(409, 502);
      assertThat(both).extracting(r -> r.bodyAsJsonObject().getString("errorId"))
          .containsExactly("call-not-active", "pbx-refused");
      test.completeNow();
    })));
  }
}
