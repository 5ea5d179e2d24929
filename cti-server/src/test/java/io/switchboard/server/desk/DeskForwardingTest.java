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
import io.switchboard.server.cluster.OwnerRequests;
import io.switchboard.server.config.PbxType;
import io.switchboard.server.pbx.AttachedPbx;
import io.switchboard.server.routing.CallTransfers;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two nodes on one event bus: the {@code owner} acts on PBX fs1 and routes Ana's call; the desk's request lands on
 * the {@code other} node, which acts on no PBX. Each node has its own desks and its own handle on the PBX (the other
 * node's would be fenced); they share the desk board as the cluster does.
 */
@ExtendWith(VertxExtension.class)
class DeskForwardingTest {

  private static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final AgentId ANA = AgentId.of("ana");
  private static final CallId CALL = CallId.of("fs1/5f1c7a4e-0000-4000-8000-000000000001");
  private static final CallId OTHER_CALL = CallId.of("fs1/5f1c7a4e-0000-4000-8000-000000000002");

  private final Vertx vertx = Vertx.vertx(new VertxOptions()
      .setMaxEventLoopExecuteTime(100).setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS));
  private final MapDeskBoard board = new MapDeskBoard();
  private final List<JsonObject> told = new ArrayList<>();
  private final DeskCallControl ownersPbx = new DeskCallControl();
  private final DeskCallControl othersPbx = new DeskCallControl();
  private final AgentDesks ownersDesks = new AgentDesks((agent, message) -> told.add(message), CLOCK, board);
  private final AgentDesks othersDesks = new AgentDesks((agent, message) -> told.add(message), CLOCK, board);
  private final List<String> disposed = new ArrayList<>();
  private boolean ownerActs = true;
  private OwnerRequests ownersRequests;
  private int otherPort;

  @BeforeEach
  void twoNodes(VertxTestContext test) {
    ownersRequests = new OwnerRequests(vertx, pbx -> ownerActs && pbx.equals("fs1"));
    DeskCommandBus ownersBus = new DeskCommandBus(ownersRequests);
    DeskCommands owner = commands(ownersDesks, ownersPbx, pbx -> ownerActs && pbx.value().equals("fs1"), ownersBus);
    ownersBus.carryOutWith(owner::carryOut);
    ownersRequests.gained("fs1", 1);
    DeskCommands other = commands(othersDesks, othersPbx, pbx -> false,
        new DeskCommandBus(new OwnerRequests(vertx, pbx -> false)));
    DeskRoutes routes = new DeskRoutes(othersDesks, agent -> Future.succeededFuture(Optional.of(new AgentStatus(
        AgentState.ON_CALL, Optional.empty(), NOW.minusSeconds(30), 4))), other,
        (lead, disposition, at, agent, when) -> {
          disposed.add(lead.value() + " " + disposition + " " + at.orElseThrow() + " " + agent.orElseThrow().value());
          return Future.succeededFuture(true);
        }, CLOCK, board);
    Router router = Router.router(vertx);
    routes.mount(router);
    vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
        .onComplete(test.succeeding(server -> {
          otherPort = server.actualPort();
          test.completeNow();
        }));
  }

  @AfterEach
  void tearDown() {
    vertx.close();
  }

  private DeskCommands commands(AgentDesks desks, DeskCallControl pbx, java.util.function.Predicate<PbxId> acting,
      DeskCommands.Forwarder forwarder) {
    Map<PbxId, AttachedPbx> pbxs = Map.of(PbxId.of("fs1"),
        new AttachedPbx(PbxId.of("fs1"), PbxType.FREESWITCH, pbx, null));
    CallTransfers transfers = new CallTransfers(vertx.getOrCreateContext(),
        id -> Optional.ofNullable(pbxs.get(id)).map(AttachedPbx::callControl),
        id -> Future.succeededFuture(Optional.of(new JsonObject().put("id", id).put("legs", new JsonArray()))),
        agent -> Future.succeededFuture(Optional.empty()));
    return new DeskCommands(desks, id -> Optional.ofNullable(pbxs.get(id)), transfers, vertx.getOrCreateContext(),
        CLOCK, acting, board, forwarder);
  }

  /** The owner's router connects Ana on {@code call}: its desks see it and write it on the board. */
  private void connectedOnTheOwner(CallId call) {
    ownersDesks.seen(new OutboundEntry.Dialled(call, NOW.minusSeconds(40), PbxId.of("fs1"), TaskId.of("t"), ANA,
        LegId.of(call.value()), new PhoneNumber("+442079460018"), Optional.empty(), LegId.of("a"), LegId.of("s")));
    ownersDesks.seen(new OutboundEntry.Connected(call, NOW.minusSeconds(30), ANA, LegId.of("a")));
  }

  private Future<HttpResponse<Buffer>> postToTheOtherNode(String path, String body) {
    return WebClient.create(vertx).post(otherPort, "127.0.0.1", path).sendBuffer(Buffer.buffer(body));
  }

  @Test
  void hold_on_the_other_node_is_sent_by_the_owner_and_answered_as_the_owner_answered(VertxTestContext test) {
    connectedOnTheOwner(CALL);
    postToTheOtherNode("/api/v1/agents/ana/call/hold", "").onComplete(test.succeeding(r -> test.verify(() -> {
      assertThat(r.statusCode()).isEqualTo(202);
      assertThat(r.bodyAsJsonObject()).isEqualTo(new JsonObject().put("agentId", "ana").put("callId", CALL.value())
          .put("done", "held"));
      assertThat(ownersPbx.commands).containsExactly("hold " + CALL.value() + " " + CALL.value());
      assertThat(othersPbx.commands).isEmpty();
      assertThat(ownersDesks.call(ANA).orElseThrow().held()).isTrue();
      assertThat(told.get(told.size() - 1).getString("type")).isEqualTo("held");
      assertThat(board.calls.get(ANA).getBoolean("held")).isTrue();
      test.completeNow();
    })));
  }

  @Test
  void the_owners_refusal_reaches_the_desk_with_the_same_status_error_id_and_details(VertxTestContext test) {
    connectedOnTheOwner(CALL);
    ownersPbx.answer = new CommandResult.Failed("esl-unknown-call", "-ERR No such channel!");
    postToTheOtherNode("/api/v1/agents/ana/call/recording/pause", "")
        .onComplete(test.succeeding(r -> test.verify(() -> {
          assertThat(r.statusCode()).isEqualTo(409);
          assertThat(r.bodyAsJsonObject().getString("errorId")).isEqualTo("call-not-active");
          assertThat(r.bodyAsJsonObject().getJsonObject("details")).isEqualTo(new JsonObject()
              .put("callId", CALL.value()).put("pbxErrorId", "esl-unknown-call"));
          assertThat(ownersPbx.commands).containsExactly("pause-recording " + CALL.value());
          test.completeNow();
        })));
  }

  @Test
  void a_transfer_on_the_other_node_is_sent_by_the_owner_with_the_number_checked_where_it_landed(
      VertxTestContext test) {
    connectedOnTheOwner(CALL);
    postToTheOtherNode("/api/v1/agents/ana/call/transfer", "{\"to\": \"nope\"}")
        .compose(bad -> postToTheOtherNode("/api/v1/agents/ana/call/transfer",
            "{\"to\": \"+442071234567\", \"mode\": \"blind\"}").map(ok -> List.of(bad, ok)))
        .onComplete(test.succeeding(both -> test.verify(() -> {
          assertThat(both).extracting(HttpResponse::statusCode).containsExactly(400, 202);
          assertThat(both.get(1).bodyAsJsonObject().getString("agentId")).isEqualTo("ana");
          assertThat(both.get(1).bodyAsJsonObject().getString("callId")).isEqualTo(CALL.value());
          assertThat(both.get(1).bodyAsJsonObject().getString("to")).doesNotContain("2071234567");
          assertThat(ownersPbx.commands).containsExactly("transfer " + CALL.value());
          assertThat(othersPbx.commands).isEmpty();
          test.completeNow();
        })));
  }

  @Test
  void the_owner_does_nothing_when_the_agent_is_connected_on_another_call_than_the_one_forwarded(
      VertxTestContext test) {
    connectedOnTheOwner(OTHER_CALL);
    board.put(ANA, new JsonObject().put("callId", CALL.value()).put("phase", "connected"));
    postToTheOtherNode("/api/v1/agents/ana/call/hold", "").onComplete(test.succeeding(r -> test.verify(() -> {
      assertThat(r.statusCode()).isEqualTo(409);
      assertThat(r.bodyAsJsonObject().getString("errorId")).isEqualTo("call-changed");
      assertThat(ownersPbx.commands).isEmpty();
      test.completeNow();
    })));
  }

  @Test
  void no_owner_consuming_the_pbxs_commands_is_503_pbx_owner_unreachable_naming_the_pbx(VertxTestContext test) {
    connectedOnTheOwner(CALL);
    ownersRequests.lost("fs1", 1, "lease-expired");
    postToTheOtherNode("/api/v1/agents/ana/call/hold", "").onComplete(test.succeeding(r -> test.verify(() -> {
      assertThat(r.statusCode()).isEqualTo(503);
      assertThat(r.bodyAsJsonObject().getString("errorId")).isEqualTo("pbx-owner-unreachable");
      assertThat(r.bodyAsJsonObject().getJsonObject("details").getString("pbx")).isEqualTo("fs1");
      assertThat(ownersPbx.commands).isEmpty();
      test.completeNow();
    })));
  }

  @Test
  void an_owner_fenced_before_it_stopped_consuming_answers_503_and_sends_nothing(VertxTestContext test) {
    connectedOnTheOwner(CALL);
    ownerActs = false;
    postToTheOtherNode("/api/v1/agents/ana/call/unhold", "").onComplete(test.succeeding(r -> test.verify(() -> {
      assertThat(r.statusCode()).isEqualTo(503);
      assertThat(r.bodyAsJsonObject().getString("errorId")).isEqualTo("pbx-owner-unreachable");
      assertThat(ownersPbx.commands).isEmpty();
      assertThat(othersPbx.commands).isEmpty();
      test.completeNow();
    })));
  }

  @Test
  void a_call_still_ringing_is_no_connected_call_on_either_node_and_nothing_is_forwarded(VertxTestContext test) {
    ownersDesks.seen(new OutboundEntry.Dialled(CALL, NOW.minusSeconds(40), PbxId.of("fs1"), TaskId.of("t"), ANA,
        LegId.of(CALL.value()), new PhoneNumber("+442079460018"), Optional.empty(), LegId.of("a"), LegId.of("s")));
    postToTheOtherNode("/api/v1/agents/ana/call/hold", "").onComplete(test.succeeding(r -> test.verify(() -> {
      assertThat(r.statusCode()).isEqualTo(409);
      assertThat(r.bodyAsJsonObject().getString("errorId")).isEqualTo("no-connected-call");
      assertThat(ownersPbx.commands).isEmpty();
      test.completeNow();
    })));
  }

  @Test
  void a_callback_from_the_wrap_up_on_the_other_node_disposes_the_lead_the_owner_wrote_on_the_board(
      VertxTestContext test) {
    CallId call = CallId.of("fs1/5f1c7a4e-0000-4000-8000-000000000003");
    ownersDesks.seen(new OutboundEntry.CampaignDialled(call, NOW.minusSeconds(90), PbxId.of("fs1"), TaskId.of("t"),
        CampaignId.of("spring"), LeadId.of("42"), LegId.of(call.value()), new PhoneNumber("+442079460018"),
        Optional.empty()));
    ownersDesks.seen(new OutboundEntry.AgentAssigned(call, NOW.minusSeconds(80), ANA, LegId.of("a"), LegId.of("s")));
    ownersDesks.seen(new OutboundEntry.Connected(call, NOW.minusSeconds(80), ANA, LegId.of("a")));
    ownersDesks.seen(new OutboundEntry.Ended(call, NOW.minusSeconds(10), OutboundOutcome.COMPLETED, Optional.empty()));
    postToTheOtherNode("/api/v1/agents/ana/callback", "{\"at\": \"2026-11-26T09:30:00Z\"}")
        .onComplete(test.succeeding(r -> test.verify(() -> {
          assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(202);
          assertThat(r.bodyAsJsonObject().getString("leadId")).isEqualTo("42");
          assertThat(r.bodyAsJsonObject().getString("campaignId")).isEqualTo("spring");
          assertThat(disposed).containsExactly("42 callback 2026-11-26T09:30:00Z ana");
          test.completeNow();
        })));
  }

  @Test
  void an_order_survives_the_bus_and_a_malformed_one_is_refused_naming_the_field() {
    DeskOrder transfer = new DeskOrder(ANA, CALL, new DeskOrder.Transfer(new PhoneNumber("+442071234567"),
        CallTransfers.Mode.ATTENDED));
    DeskOrder hold = new DeskOrder(ANA, CALL, new DeskOrder.OnCall(CallCommand.RESUME_RECORDING));
    assertThat(DeskOrder.fromJson(transfer.toJson())).isEqualTo(transfer);
    assertThat(DeskOrder.fromJson(hold.toJson())).isEqualTo(hold);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> DeskOrder.fromJson(hold.toJson().put("action", "mute")))
        .hasMessageContaining("action");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> DeskOrder.fromJson(transfer.toJson().putNull("callId")))
        .hasMessageContaining("callId");
  }

  /** The cluster's desk board as one map. */
  private static final class MapDeskBoard implements DeskBoard {
    final Map<AgentId, JsonObject> calls = new ConcurrentHashMap<>();

    @Override
    public void put(AgentId agent, JsonObject call) {
      calls.put(agent, call.copy());
    }

    @Override
    public void remove(AgentId agent) {
      calls.remove(agent);
    }

    @Override
    public Future<Optional<JsonObject>> get(AgentId agent) {
      return Future.succeededFuture(Optional.ofNullable(calls.get(agent)).map(JsonObject::copy));
    }
  }
}
