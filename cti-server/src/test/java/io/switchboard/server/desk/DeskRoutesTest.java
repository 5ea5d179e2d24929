package io.switchboard.server.desk;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.agent.AgentState;
import io.switchboard.core.agent.AgentStatus;
import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.CampaignId;
import io.switchboard.core.id.LeadId;
import io.switchboard.core.id.LegId;
import io.switchboard.core.id.PbxId;
import io.switchboard.core.id.TaskId;
import io.switchboard.core.port.CommandResult;
import io.switchboard.queue.routing.OutboundEntry;
import io.switchboard.queue.routing.OutboundOutcome;
import io.switchboard.server.config.PbxType;
import io.switchboard.server.pbx.AttachedPbx;
import io.switchboard.server.routing.CallTransfers;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class DeskRoutesTest {

  private static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");
  private static final AgentId ANA = AgentId.of("ana");
  private static final CallId ON_FREESWITCH = CallId.of("fs1/5f1c7a4e-0000-4000-8000-000000000001");
  private static final CallId ON_ASTERISK = CallId.of("ast1/1700000000.7");

  private final Vertx vertx = Vertx.vertx(new VertxOptions()
      .setMaxEventLoopExecuteTime(100).setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS));
  private final DeskCallControl freeswitch = new DeskCallControl();
  private final DeskCallControl asterisk = new DeskCallControl();
  private final List<JsonObject> told = new ArrayList<>();
  private final AgentDesks desks = new AgentDesks((agent, message) -> told.add(message));
  private final List<String> disposed = new ArrayList<>();
  private boolean leadConnected = true;

  @AfterEach
  void tearDown() {
    vertx.close();
  }

  private Future<HttpResponse<Buffer>> call(HttpMethod method, String path, String body) {
    Map<PbxId, AttachedPbx> pbxs = Map.of(
        PbxId.of("fs1"), new AttachedPbx(PbxId.of("fs1"), PbxType.FREESWITCH, freeswitch, null),
        PbxId.of("ast1"), new AttachedPbx(PbxId.of("ast1"), PbxType.ASTERISK, asterisk, null));
    CallTransfers transfers = new CallTransfers(vertx.getOrCreateContext(),
        id -> Optional.ofNullable(pbxs.get(id)).map(AttachedPbx::callControl),
        id -> Future.succeededFuture(Optional.of(new JsonObject().put("id", id).put("legs", new io.vertx.core.json
            .JsonArray()))), agent -> Future.succeededFuture(Optional.empty()));
    LeadDispositions leads = (lead, disposition, at, agent, when) -> {
      disposed.add(lead.value() + " " + disposition + " " + at.orElseThrow() + " " + agent.orElseThrow().value());
      return Future.succeededFuture(leadConnected);
    };
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    DeskRoutes routes = new DeskRoutes(desks, agent -> Future.succeededFuture(Optional.of(new AgentStatus(
        AgentState.ON_CALL, Optional.empty(), NOW.minusSeconds(30), 4))),
        new DeskCommands(desks, id -> Optional.ofNullable(pbxs.get(id)), transfers, vertx.getOrCreateContext(), clock),
        leads, clock);
    Router router = Router.router(vertx);
    routes.mount(router);
    return vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
        .compose(s -> WebClient.create(vertx).request(method, s.actualPort(), "127.0.0.1", path)
            .sendBuffer(Buffer.buffer(body)));
  }

  private Future<HttpResponse<Buffer>> post(String path, String body) {
    return call(HttpMethod.POST, path, body);
  }

  private void connected(CallId call) {
    desks.seen(new OutboundEntry.Dialled(call, NOW.minusSeconds(40), PbxId.of("fs1"), TaskId.of("t"), ANA,
        LegId.of(call.value()), new PhoneNumber("+442079460018"), Optional.empty(), LegId.of("a"), LegId.of("s")));
    desks.seen(new OutboundEntry.Connected(call, NOW.minusSeconds(30), ANA, LegId.of("a")));
  }

  private void campaignCallEnded(CallId call) {
    desks.seen(new OutboundEntry.CampaignDialled(call, NOW.minusSeconds(90), PbxId.of("fs1"), TaskId.of("t"),
        CampaignId.of("spring"), LeadId.of("42"), LegId.of(call.value()), new PhoneNumber("+442079460018"),
        Optional.empty()));
    desks.seen(new OutboundEntry.AgentAssigned(call, NOW.minusSeconds(80), ANA, LegId.of("a"), LegId.of("s")));
    desks.seen(new OutboundEntry.Connected(call, NOW.minusSeconds(80), ANA, LegId.of("a")));
    desks.seen(new OutboundEntry.Ended(call, NOW.minusSeconds(10), OutboundOutcome.COMPLETED, Optional.empty()));
  }

  private List<String> types() {
    return told.stream().map(m -> m.getString("type")).toList();
  }

  @Test
  void hold_and_unhold_go_to_the_customers_leg_of_the_agents_own_call_and_are_told_to_the_desk(VertxTestContext test) {
    connected(ON_FREESWITCH);
    post("/api/v1/agents/ana/call/hold", "").compose(held -> post("/api/v1/agents/ana/call/unhold", "")
        .map(unheld -> List.of(held, unheld))).onComplete(test.succeeding(both -> test.verify(() -> {
          assertThat(both).extracting(HttpResponse::statusCode).containsExactly(202, 202);
          assertThat(both.get(0).bodyAsJsonObject().getString("done")).isEqualTo("held");
          assertThat(both.get(0).bodyAsJsonObject().getString("callId")).isEqualTo(ON_FREESWITCH.value());
          assertThat(freeswitch.commands).containsExactly("hold " + ON_FREESWITCH.value() + " " + ON_FREESWITCH.value(),
              "unhold " + ON_FREESWITCH.value() + " " + ON_FREESWITCH.value());
          assertThat(types()).endsWith("held", "unheld");
          test.completeNow();
        })));
  }

  @Test
  void recording_pause_and_resume_go_to_the_call(VertxTestContext test) {
    connected(ON_FREESWITCH);
    post("/api/v1/agents/ana/call/recording/pause", "")
        .compose(paused -> post("/api/v1/agents/ana/call/recording/resume", "").map(resumed -> List.of(paused, resumed)))
        .onComplete(test.succeeding(both -> test.verify(() -> {
          assertThat(both).extracting(HttpResponse::statusCode).containsExactly(202, 202);
          assertThat(freeswitch.commands).containsExactly("pause-recording " + ON_FREESWITCH.value(),
              "resume-recording " + ON_FREESWITCH.value());
          assertThat(types()).endsWith("recording-paused", "recording-resumed");
          test.completeNow();
        })));
  }

  @Test
  void hold_on_asterisk_is_409_hold_unsupported_and_nothing_is_sent(VertxTestContext test) {
    connected(ON_ASTERISK);
    post("/api/v1/agents/ana/call/hold", "").onComplete(test.succeeding(r -> test.verify(() -> {
      assertThat(r.statusCode()).isEqualTo(409);
      assertThat(r.bodyAsJsonObject().getString("errorId")).isEqualTo("hold-unsupported");
      assertThat(asterisk.commands).isEmpty();
      assertThat(desks.call(ANA).orElseThrow().held()).isFalse();
      test.completeNow();
    })));
  }

  @Test
  void an_agent_without_a_connected_call_gets_409_and_a_bad_agent_id_404(VertxTestContext test) {
    post("/api/v1/agents/ana/call/hold", "")
        .compose(hold -> post("/api/v1/agents/ana/call/transfer", "{\"to\": \"+442071234567\"}")
            .compose(transfer -> post("/api/v1/agents/a%20b/call/hold", "").map(bad -> List.of(hold, transfer, bad))))
        .onComplete(test.succeeding(all -> test.verify(() -> {
          assertThat(all).extracting(HttpResponse::statusCode).containsExactly(409, 409, 404);
          assertThat(all).extracting(r -> r.bodyAsJsonObject().getString("errorId"))
              .containsExactly("no-connected-call", "no-connected-call", "agent-not-found");
          assertThat(freeswitch.commands).isEmpty();
          test.completeNow();
        })));
  }

  @Test
  void a_call_the_pbx_lost_is_409_any_other_refusal_502_and_the_desk_is_unchanged(VertxTestContext test) {
    connected(ON_FREESWITCH);
    freeswitch.answer = new CommandResult.Failed("esl-unknown-call", "-ERR No such channel!");
    post("/api/v1/agents/ana/call/hold", "").compose(gone -> {
      freeswitch.answer = new CommandResult.Failed("esl-refused", "-ERR");
      return post("/api/v1/agents/ana/call/recording/pause", "").map(refused -> List.of(gone, refused));
    }).onComplete(test.succeeding(both -> test.verify(() -> {
      assertThat(both).extracting(HttpResponse::statusCode).containsExactly(409, 502);
      assertThat(both).extracting(r -> r.bodyAsJsonObject().getString("errorId"))
          .containsExactly("call-not-active", "pbx-refused");
      assertThat(desks.call(ANA).orElseThrow().held()).isFalse();
      assertThat(desks.call(ANA).orElseThrow().recordingPaused()).isFalse();
      test.completeNow();
    })));
  }

  @Test
  void a_transfer_sends_the_agents_own_call_and_a_bad_number_is_400_naming_to(VertxTestContext test) {
    connected(ON_FREESWITCH);
    post("/api/v1/agents/ana/call/transfer", "{\"to\": \"nope\"}")
        .compose(bad -> post("/api/v1/agents/ana/call/transfer", "{\"to\": \"+442071234567\"}").map(ok -> List.of(bad,
            ok))).onComplete(test.succeeding(both -> test.verify(() -> {
              assertThat(both).extracting(HttpResponse::statusCode).containsExactly(400, 202);
              assertThat(both.get(0).bodyAsJsonObject().getJsonObject("details").getString("field")).isEqualTo("to");
              assertThat(both.get(1).bodyAsJsonObject().getString("to")).doesNotContain("2071234567");
              assertThat(freeswitch.commands).containsExactly("transfer " + ON_FREESWITCH.value());
              test.completeNow();
            })));
  }

  @Test
  void a_callback_from_the_wrap_up_of_a_campaign_call_sets_the_leads_callback_for_the_agent(VertxTestContext test) {
    campaignCallEnded(CallId.of("fs1/out-1"));
    post("/api/v1/agents/ana/callback", "{\"at\": \"2026-11-25T10:30:00+01:00\"}")
        .onComplete(test.succeeding(r -> test.verify(() -> {
          assertThat(r.statusCode()).isEqualTo(202);
          assertThat(r.bodyAsJsonObject().getString("callbackAt")).isEqualTo("2026-11-25T09:30:00Z");
          assertThat(disposed).containsExactly("42 callback 2026-11-25T09:30:00Z ana");
          test.completeNow();
        })));
  }

  @Test
  void a_callback_in_the_past_too_far_ahead_or_with_unknown_fields_is_400_naming_the_field(VertxTestContext test) {
    campaignCallEnded(CallId.of("fs1/out-1"));
    post("/api/v1/agents/ana/callback", "{\"at\": \"2026-11-24T08:00:00Z\"}")
        .compose(past -> post("/api/v1/agents/ana/callback", "{\"at\": \"2027-06-01T08:00:00Z\"}")
            .compose(far -> post("/api/v1/agents/ana/callback", "{\"at\": \"tomorrow\"}")
                .compose(text -> post("/api/v1/agents/ana/callback", "{\"at\": \"2026-11-25T08:00:00Z\", \"x\": 1}")
                    .compose(unknown -> post("/api/v1/agents/ana/callback",
                        "{\"at\": \"2026-11-25T08:00:00Z\", \"disposition\": \"Call Back\"}")
                        .map(slug -> List.of(past, far, text, unknown, slug))))))
        .onComplete(test.succeeding(all -> test.verify(() -> {
          assertThat(all).extracting(HttpResponse::statusCode).containsOnly(400);
          assertThat(all).extracting(r -> r.bodyAsJsonObject().getJsonObject("details").getString("field"))
              .containsExactly("at", "at", "at", "x", "disposition");
          assertThat(disposed).isEmpty();
          test.completeNow();
        })));
  }

  @Test
  void a_callback_without_a_campaign_call_or_for_a_lead_no_longer_connected_is_409(VertxTestContext test) {
    post("/api/v1/agents/ana/callback", "{\"at\": \"2026-11-25T08:00:00Z\"}").compose(none -> {
      campaignCallEnded(CallId.of("fs1/out-1"));
      leadConnected = false;
      return post("/api/v1/agents/ana/callback", "{\"at\": \"2026-11-25T08:00:00Z\"}").map(gone -> List.of(none, gone));
    }).onComplete(test.succeeding(both -> test.verify(() -> {
      assertThat(both).extracting(HttpResponse::statusCode).containsExactly(409, 409);
      assertThat(both).extracting(r -> r.bodyAsJsonObject().getString("errorId"))
          .containsExactly("no-campaign-call", "lead-not-connected");
      test.completeNow();
    })));
  }

  @Test
  void the_desk_snapshot_has_the_stored_state_and_the_call(VertxTestContext test) {
    connected(ON_FREESWITCH);
    call(HttpMethod.GET, "/api/v1/agents/ana/desk", "").onComplete(test.succeeding(r -> test.verify(() -> {
      assertThat(r.statusCode()).isEqualTo(200);
      JsonObject body = r.bodyAsJsonObject();
      assertThat(body.getString("type")).isEqualTo("snapshot");
      assertThat(body.getJsonObject("state").getString("state")).isEqualTo("on-call");
      assertThat(body.getJsonObject("call").getString("phase")).isEqualTo("connected");
      assertThat(body.getJsonObject("call").getString("callId")).isEqualTo(ON_FREESWITCH.value());
      test.completeNow();
    })));
  }
}
