package io.switchboard.server.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.agent.Agent;
import io.switchboard.core.agent.AgentState;
import io.switchboard.core.agent.AgentStatus;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;
import io.switchboard.core.id.PbxId;
import io.switchboard.core.port.AgentDirectory;
import io.switchboard.core.port.CommandResult;
import io.switchboard.core.port.MonitorMode;
import io.switchboard.server.security.Caller;
import io.switchboard.server.security.Role;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.switchboard.server.security.BodyLimits;
import io.switchboard.server.config.HttpSettings;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MonitorRoutesTest {

  private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
  private static final String CALL = "pbx1/1700000000.42";
  private static final String LISTEN = "{\"mode\":\"listen\",\"device\":\"PJSIP/2001\"}";

  private final Vertx vertx = Vertx.vertx(new VertxOptions()
      .setMaxEventLoopExecuteTime(100).setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS));
  private final MonitoringCallControl pbx1 = new MonitoringCallControl();
  private final Map<AgentId, AgentStatus> states = new HashMap<>();
  private final Map<AgentId, CallId> liveCalls = new HashMap<>();
  private final Map<String, JsonObject> records = new HashMap<>();
  private final AtomicInteger ids = new AtomicInteger();
  private Caller caller = new Caller("sup1", Role.SUPERVISOR, Optional.empty(), Set.of("t1"));
  private int port;

  @BeforeEach
  void startServer() throws Exception {
    AgentDirectory agents = new AgentDirectory() {
      @Override
      public java.util.concurrent.CompletionStage<Optional<Agent>> find(AgentId id) {
        return CompletableFuture.completedFuture(List.of("a1", "a2").contains(id.value())
            ? Optional.of(new Agent(id, id.value(), List.of(), List.of(), Agent.VOICE_ONLY, Optional.empty()))
            : Optional.empty());
      }

      @Override
      public java.util.concurrent.CompletionStage<List<Agent>> membersOf(io.switchboard.core.id.QueueId queue) {
        return CompletableFuture.completedFuture(List.of());
      }
    };
    Monitors monitors = new Monitors(vertx.getOrCreateContext(), agents,
        agent -> Future.succeededFuture(Optional.ofNullable(states.get(agent))),
        agent -> Future.succeededFuture(Optional.ofNullable(liveCalls.get(agent))),
        id -> Future.succeededFuture(Optional.ofNullable(records.get(id))),
        pbx -> pbx.equals(PbxId.of("pbx1")) ? Optional.of(pbx1) : Optional.empty(),
        Clock.fixed(NOW, ZoneOffset.UTC), () -> "sb-" + ids.incrementAndGet());
    Router router = Router.router(vertx);
    router.route().handler(new BodyLimits(HttpSettings.DEFAULT_MAX_BODY_BYTES, HttpSettings.DEFAULT_MAX_IMPORT_BYTES));
    new MonitorRoutes(monitors, ctx -> caller, agent -> agent.startsWith("a") ? Set.of("t1") : Set.of("t2"))
        .mount(router);
    port = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").toCompletionStage()
        .toCompletableFuture().get(5, TimeUnit.SECONDS).actualPort();
  }

  @AfterEach
  void tearDown() {
    vertx.close();
  }

  private void onCall(String agent, String call) {
    states.put(AgentId.of(agent), new AgentStatus(AgentState.ON_CALL, Optional.empty(), NOW, 3));
    liveCalls.put(AgentId.of(agent), CallId.of(call));
    records.put(call, new JsonObject().put("id", call).putNull("endedAt"));
  }

  private HttpResponse<Buffer> send(HttpMethod method, String path, String body) throws Exception {
    var request = WebClient.create(vertx).request(method, port, "127.0.0.1", path);
    return (body == null ? request.send() : request.sendBuffer(Buffer.buffer(body))).toCompletionStage()
        .toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  @Test
  void a_monitor_of_an_agent_on_a_call_rings_the_supervisor_on_a_leg_of_its_own_and_answers_202() throws Exception {
    onCall("a1", CALL);

    HttpResponse<Buffer> r = send(HttpMethod.POST, "/api/v1/agents/a1/monitor",
        "{\"mode\":\"whisper\",\"device\":\"PJSIP/2001\"}");

    assertThat(r.statusCode()).isEqualTo(202);
    JsonObject body = r.bodyAsJsonObject();
    assertThat(body.getString("id")).isEqualTo("sb-1");
    assertThat(body.getString("legId")).isEqualTo("pbx1/sb-1");
    assertThat(body.getString("callId")).isEqualTo(CALL);
    assertThat(body.getString("mode")).isEqualTo("whisper");
    assertThat(body.getString("supervisor")).isEqualTo("sup1");
    assertThat(body.getString("state")).isEqualTo("ringing");
    assertThat(pbx1.spies).containsExactly(new MonitoringCallControl.Spy(CallId.of(CALL), LegId.of("pbx1/sb-1"),
        "PJSIP/2001", MonitorMode.WHISPER));
    assertThat(send(HttpMethod.GET, "/api/v1/monitors", null).bodyAsJsonObject().getJsonArray("monitors"))
        .extracting(m -> ((JsonObject) m).getString("id")).containsExactly("sb-1");
  }

  @Test
  void an_agent_who_is_not_on_a_call_answers_409_agent_not_on_call_and_rings_nobody() throws Exception {
    states.put(AgentId.of("a1"), new AgentStatus(AgentState.AVAILABLE, Optional.empty(), NOW, 1));
    onCall("a2", CALL);
    liveCalls.remove(AgentId.of("a2"));

    for (String agent : List.of("a1", "a2")) {
      HttpResponse<Buffer> r = send(HttpMethod.POST, "/api/v1/agents/" + agent + "/monitor", LISTEN);
      assertThat(r.statusCode()).as(agent).isEqualTo(409);
      assertThat(r.bodyAsJsonObject().getString("errorId")).isEqualTo("agent-not-on-call");
    }
    assertThat(pbx1.spies).isEmpty();
  }

  @Test
  void a_bad_mode_or_device_is_400_invalid_field_naming_it_and_an_unknown_agent_404() throws Exception {
    onCall("a1", CALL);
    Map<String, String> bad = Map.of(
        "{\"mode\":\"spy\",\"device\":\"PJSIP/2001\"}", "mode",
        "{\"device\":\"PJSIP/2001\"}", "mode",
        "{\"mode\":\"barge\",\"device\":\"PJSIP/20 01\"}", "device",
        "{\"mode\":\"barge\",\"device\":\"2001\"}", "device",
        "{\"mode\":\"barge\",\"device\":\"PJSIP/2001,b\"}", "device",
        "{\"mode\":\"barge\",\"device\":7}", "device");
    for (var entry : bad.entrySet()) {
      HttpResponse<Buffer> r = send(HttpMethod.POST, "/api/v1/agents/a1/monitor", entry.getKey());
      assertThat(r.statusCode()).as(entry.getKey()).isEqualTo(400);
      assertThat(r.bodyAsJsonObject().getString("errorId")).isEqualTo("invalid-field");
      assertThat(r.bodyAsJsonObject().getJsonObject("details").getString("field")).as(entry.getKey())
          .isEqualTo(entry.getValue());
    }
    assertThat(send(HttpMethod.POST, "/api/v1/agents/a1/monitor", "[]").bodyAsJsonObject().getString("errorId"))
        .isEqualTo("invalid-json");
    assertThat(send(HttpMethod.POST, "/api/v1/agents/zed/monitor", LISTEN).statusCode()).isEqualTo(404);
    assertThat(pbx1.spies).isEmpty();
  }

  @Test
  void a_pbx_that_no_longer_has_the_call_is_409_and_another_refusal_502_and_neither_is_listed() throws Exception {
    onCall("a1", CALL);
    pbx1.answer = new CommandResult.Failed("ami-unknown-call", "no live channel known for call " + CALL);
    assertThat(send(HttpMethod.POST, "/api/v1/agents/a1/monitor", LISTEN).bodyAsJsonObject().getString("errorId"))
        .isEqualTo("agent-not-on-call");
    pbx1.answer = new CommandResult.Failed("ami-error", "Originate failed");
    HttpResponse<Buffer> r = send(HttpMethod.POST, "/api/v1/agents/a1/monitor", LISTEN);
    assertThat(r.statusCode()).isEqualTo(502);
    assertThat(r.bodyAsJsonObject().getString("errorId")).isEqualTo("pbx-refused");
    assertThat(send(HttpMethod.GET, "/api/v1/monitors", null).bodyAsJsonObject().getJsonArray("monitors")).isEmpty();
  }

  @Test
  void ending_a_monitor_hangs_up_the_supervisors_leg_only_and_forgets_it() throws Exception {
    onCall("a1", CALL);
    send(HttpMethod.POST, "/api/v1/agents/a1/monitor", LISTEN);

    HttpResponse<Buffer> r = send(HttpMethod.DELETE, "/api/v1/monitors/sb-1", null);

    assertThat(r.statusCode()).isEqualTo(202);
    assertThat(r.bodyAsJsonObject().getString("state")).isEqualTo("ended");
    assertThat(pbx1.hangups).as("the supervisor's leg is a call of its own; the customer's call is left alone")
        .containsExactly(CallId.of("pbx1/sb-1"));
    assertThat(send(HttpMethod.GET, "/api/v1/monitors", null).bodyAsJsonObject().getJsonArray("monitors")).isEmpty();
    assertThat(send(HttpMethod.DELETE, "/api/v1/monitors/sb-1", null).bodyAsJsonObject().getString("errorId"))
        .isEqualTo("monitor-not-found");
  }

  @Test
  void a_monitor_whose_call_ended_leaves_the_list() throws Exception {
    onCall("a1", CALL);
    onCall("a2", "pbx1/1700000000.77");
    send(HttpMethod.POST, "/api/v1/agents/a1/monitor", LISTEN);
    send(HttpMethod.POST, "/api/v1/agents/a2/monitor", LISTEN);

    records.get(CALL).put("endedAt", NOW.toString());

    assertThat(send(HttpMethod.GET, "/api/v1/monitors", null).bodyAsJsonObject().getJsonArray("monitors"))
        .extracting(m -> ((JsonObject) m).getString("agentId")).containsExactly("a2");
  }

  @Test
  void an_agent_may_not_listen_and_a_supervisor_of_another_team_neither_sees_nor_ends_the_monitor() throws Exception {
    onCall("a1", CALL);
    send(HttpMethod.POST, "/api/v1/agents/a1/monitor", LISTEN);

    caller = new Caller("ana", Role.AGENT, Optional.of("a1"), Set.of("t1"));
    HttpResponse<Buffer> agent = send(HttpMethod.POST, "/api/v1/agents/a1/monitor", LISTEN);
    assertThat(agent.statusCode()).isEqualTo(403);
    assertThat(agent.bodyAsJsonObject().getString("errorId")).isEqualTo("forbidden");

    caller = new Caller("sup2", Role.SUPERVISOR, Optional.empty(), Set.of("t2"));
    assertThat(send(HttpMethod.GET, "/api/v1/monitors", null).bodyAsJsonObject().getJsonArray("monitors")).isEmpty();
    assertThat(send(HttpMethod.DELETE, "/api/v1/monitors/sb-1", null).statusCode()).isEqualTo(404);

    caller = Caller.adminToken();
    assertThat(send(HttpMethod.GET, "/api/v1/monitors", null).bodyAsJsonObject().getJsonArray("monitors")).hasSize(1);
    assertThat(pbx1.spies).hasSize(1);
    assertThat(pbx1.hangups).isEmpty();
  }
}
