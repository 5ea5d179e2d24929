package io.switchboard.server.desk;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.agent.AgentState;
import io.switchboard.core.agent.AgentStatus;
import io.switchboard.core.agent.ReasonCode;
import io.switchboard.core.call.Did;
import io.switchboard.core.call.HangupCause;
import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.CampaignId;
import io.switchboard.core.id.LeadId;
import io.switchboard.core.id.LegId;
import io.switchboard.core.id.PbxId;
import io.switchboard.core.id.QueueId;
import io.switchboard.core.id.TaskId;
import io.switchboard.queue.routing.JournalEntry;
import io.switchboard.queue.routing.OutboundEntry;
import io.switchboard.queue.routing.OutboundOutcome;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AgentDesksTest {

  private static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");
  private static final AgentId ANA = AgentId.of("ana");
  private static final AgentId BEN = AgentId.of("ben");
  private static final CallId CALL = CallId.of("pbx1/1700000000.1");
  private static final QueueId SUPPORT = QueueId.of("support");
  private static final PhoneNumber CALLER = new PhoneNumber("+442079460018");

  private final List<JsonObject> told = new ArrayList<>();
  private final List<AgentId> to = new ArrayList<>();
  private final AgentDesks desks = new AgentDesks((agent, message) -> {
    to.add(agent);
    told.add(message);
  }, java.time.Clock.fixed(T0.plusSeconds(30), java.time.ZoneOffset.UTC));

  @Test
  void a_rung_agent_is_told_the_caller_and_queue_at_the_rung_steps_time() {
    desks.seen(entered(CALL));
    desks.seen(rung(CALL, ANA, 2));

    assertThat(to).containsExactly(ANA);
    JsonObject ringing = told.get(0);
    assertThat(ringing.getString("type")).isEqualTo("ringing");
    assertThat(ringing.getString("callId")).isEqualTo(CALL.value());
    assertThat(ringing.getString("number")).isEqualTo("+442079460018");
    assertThat(ringing.getString("queue")).isEqualTo("support");
    assertThat(ringing.getString("direction")).isEqualTo("inbound");
    assertThat(ringing.getString("at")).isEqualTo(T0.plusSeconds(2).toString());
    assertThat(ringing.getString("publishedAt")).as("this node's clock").isEqualTo(T0.plusSeconds(30).toString());
    assertThat(desks.call(ANA)).map(DeskCall::phase).contains(DeskCall.Phase.RINGING);
  }

  @Test
  void the_call_is_kept_on_the_board_so_a_page_on_another_node_gets_the_same_snapshot() {
    Map<AgentId, JsonObject> board = new HashMap<>();
    AgentDesks owner = new AgentDesks((agent, message) -> { }, java.time.Clock.fixed(T0, java.time.ZoneOffset.UTC),
        new DeskBoard() {
          @Override
          public void put(AgentId agent, JsonObject call) {
            board.put(agent, call);
          }

          @Override
          public void remove(AgentId agent) {
            board.remove(agent);
          }

          @Override
          public io.vertx.core.Future<Optional<JsonObject>> get(AgentId agent) {
            return io.vertx.core.Future.succeededFuture(Optional.ofNullable(board.get(agent)));
          }
        });
    owner.seen(entered(CALL));
    owner.seen(rung(CALL, ANA, 1));
    owner.seen(new JournalEntry.Connected(CALL, SUPPORT, T0.plusSeconds(3), ANA, agentLeg(), Duration.ofSeconds(3),
        Duration.ofSeconds(2)));

    assertThat(board.get(ANA).getString("phase")).isEqualTo("connected");
    JsonObject elsewhere = desks.snapshot(ANA, Optional.empty(), T0.plusSeconds(5), Optional.of(board.get(ANA)));
    assertThat(elsewhere.getJsonObject("call")).isEqualTo(owner.snapshot(ANA, Optional.empty(), T0.plusSeconds(5))
        .getJsonObject("call"));
    assertThat(elsewhere.getJsonObject("call").getString("number")).isEqualTo("+442079460018");

    owner.seen(new JournalEntry.RingCanceled(CALL, SUPPORT, T0.plusSeconds(4), BEN, agentLeg(), Duration.ofSeconds(1)));
    assertThat(board).containsKey(ANA);
  }

  @Test
  void a_withheld_caller_rings_without_a_number() {
    desks.seen(new JournalEntry.Entered(CALL, SUPPORT, T0, PbxId.of("pbx1"), LegId.of(CALL.value()),
        Optional.empty(), Did.of("4930300100"), 1));
    desks.seen(rung(CALL, ANA, 1));

    assertThat(told.get(0).getString("number")).isNull();
    assertThat(told.get(0).getString("queue")).isEqualTo("support");
  }

  @Test
  void connect_end_and_wrap_up_follow_the_call_and_the_state() {
    desks.seen(entered(CALL));
    desks.seen(rung(CALL, ANA, 1));
    desks.stored(ANA, status(AgentState.ON_CALL, 3, 2));
    desks.seen(new JournalEntry.Connected(CALL, SUPPORT, T0.plusSeconds(3), ANA, agentLeg(), Duration.ofSeconds(3),
        Duration.ofSeconds(2)));
    desks.seen(new JournalEntry.Completed(CALL, SUPPORT, T0.plusSeconds(63), ANA, LegId.of(CALL.value()), agentLeg(),
        true, Duration.ofSeconds(3), Duration.ofSeconds(60), 1));
    desks.stored(ANA, status(AgentState.WRAP_UP, 63, 3));
    desks.stored(ANA, status(AgentState.AVAILABLE, 73, 4));

    assertThat(types()).containsExactly("ringing", "state", "connected", "ended", "state", "wrap-up-started", "state",
        "wrap-up-ended");
    JsonObject ended = told.get(3);
    assertThat(ended.getLong("talkedSeconds")).isEqualTo(60);
    assertThat(ended.getString("hungUpBy")).isEqualTo("caller");
    assertThat(told.get(5).getString("callId")).as("the wrap-up names the call it is for").isEqualTo(CALL.value());
    assertThat(told.get(6).getString("state")).isEqualTo("available");
    assertThat(desks.call(ANA)).as("the ended call stays on the desk for the wrap-up")
        .map(DeskCall::phase).contains(DeskCall.Phase.ENDED);
  }

  @Test
  void a_pause_carries_its_reason_and_since_when() {
    desks.stored(ANA, new AgentStatus(AgentState.PAUSED, Optional.of(ReasonCode.of("lunch")), T0.plusSeconds(5), 7));

    assertThat(told.get(0).getString("state")).isEqualTo("paused");
    assertThat(told.get(0).getString("reason")).isEqualTo("lunch");
    assertThat(told.get(0).getString("since")).isEqualTo(T0.plusSeconds(5).toString());
  }

  @Test
  void a_missed_ring_clears_the_call_and_a_ring_canceled_for_another_call_changes_nothing() {
    desks.seen(entered(CALL));
    desks.seen(rung(CALL, ANA, 1));
    desks.seen(new JournalEntry.RingCanceled(CallId.of("pbx1/other"), SUPPORT, T0.plusSeconds(2), ANA, agentLeg(),
        Duration.ofSeconds(1)));
    desks.seen(new JournalEntry.AgentMissed(CALL, SUPPORT, T0.plusSeconds(16), ANA, agentLeg(),
        Duration.ofSeconds(15), HangupCause.NO_ANSWER));

    assertThat(types()).containsExactly("ringing", "missed");
    assertThat(desks.call(ANA)).isEmpty();
  }

  @Test
  void only_the_agent_whose_phone_rings_is_told() {
    desks.seen(entered(CALL));
    desks.seen(rung(CALL, BEN, 1));

    assertThat(to).containsOnly(BEN);
    assertThat(desks.call(ANA)).isEmpty();
  }

  @Test
  void hold_and_recording_are_told_only_for_the_agents_connected_call() {
    desks.seen(entered(CALL));
    desks.seen(rung(CALL, ANA, 1));
    assertThat(desks.held(ANA, CALL, true, T0.plusSeconds(2))).as("still ringing").isFalse();
    desks.seen(new JournalEntry.Connected(CALL, SUPPORT, T0.plusSeconds(3), ANA, agentLeg(), Duration.ZERO,
        Duration.ofSeconds(2)));

    assertThat(desks.held(ANA, CallId.of("pbx1/other"), true, T0.plusSeconds(4))).isFalse();
    assertThat(desks.held(ANA, CALL, true, T0.plusSeconds(5))).isTrue();
    assertThat(desks.recordingPaused(ANA, CALL, true, T0.plusSeconds(6))).isTrue();
    assertThat(desks.call(ANA).orElseThrow().held()).isTrue();
    assertThat(desks.held(ANA, CALL, false, T0.plusSeconds(7))).isTrue();

    assertThat(types()).containsExactly("ringing", "connected", "held", "recording-paused", "unheld");
    assertThat(desks.call(ANA).orElseThrow().recordingPaused()).isTrue();
    assertThat(desks.call(ANA).orElseThrow().held()).isFalse();
  }

  @Test
  void a_campaign_call_given_to_an_agent_carries_its_campaign_and_lead_to_the_end() {
    CallId out = CallId.of("pbx1/out-1");
    desks.seen(new OutboundEntry.CampaignDialled(out, T0, PbxId.of("pbx1"), TaskId.of("t1"), CampaignId.of("spring"),
        LeadId.of("42"), LegId.of("pbx1/out-1"), CALLER, Optional.empty()));
    desks.seen(new OutboundEntry.AgentAssigned(out, T0.plusSeconds(8), ANA, LegId.of("a1"), LegId.of("s1")));
    desks.seen(new OutboundEntry.Connected(out, T0.plusSeconds(8), ANA, LegId.of("a1")));
    desks.seen(new OutboundEntry.Ended(out, T0.plusSeconds(90), OutboundOutcome.COMPLETED, Optional.empty()));

    assertThat(types()).containsExactly("dialling", "connected", "ended");
    assertThat(told.get(0).getString("campaignId")).isEqualTo("spring");
    assertThat(told.get(0).getString("leadId")).isEqualTo("42");
    assertThat(told.get(0).getString("number")).isEqualTo("+442079460018");
    assertThat(told.get(2).getString("outcome")).isEqualTo(OutboundOutcome.COMPLETED.slug());
    DeskCall last = desks.call(ANA).orElseThrow();
    assertThat(last.lead()).contains(LeadId.of("42"));
    assertThat(last.phase()).isEqualTo(DeskCall.Phase.ENDED);
  }

  @Test
  void the_snapshot_holds_the_stored_state_and_the_current_call() {
    desks.seen(entered(CALL));
    desks.seen(rung(CALL, ANA, 1));

    JsonObject snapshot = desks.snapshot(ANA, Optional.of(status(AgentState.RESERVED, 1, 9)), T0.plusSeconds(2));
    JsonObject empty = desks.snapshot(BEN, Optional.empty(), T0.plusSeconds(2));

    assertThat(snapshot.getString("type")).isEqualTo("snapshot");
    assertThat(snapshot.getJsonObject("state").getString("state")).isEqualTo("reserved");
    assertThat(snapshot.getJsonObject("call").getString("phase")).isEqualTo("ringing");
    assertThat(snapshot.getJsonObject("call").getString("number")).isEqualTo("+442079460018");
    assertThat(empty.getJsonObject("state").getString("state")).isEqualTo("logged-out");
    assertThat(empty.getValue("call")).isNull();
  }

  @Test
  void a_caller_put_back_in_the_queue_rings_the_next_agent_with_their_number() {
    desks.seen(entered(CALL));
    desks.seen(rung(CALL, ANA, 1));
    desks.seen(new JournalEntry.Completed(CALL, SUPPORT, T0.plusSeconds(9), ANA, LegId.of(CALL.value()), agentLeg(),
        false, Duration.ZERO, Duration.ofSeconds(5), 1));
    desks.seen(new JournalEntry.Requeued(CALL, SUPPORT, T0.plusSeconds(9), LegId.of(CALL.value()),
        Optional.of(CALLER), 1));
    desks.seen(rung(CALL, BEN, 10));

    assertThat(told.get(told.size() - 1).getString("number")).isEqualTo("+442079460018");
  }

  @Test
  void a_preview_offer_is_told_to_its_agent_with_the_lead() {
    desks.previewOffered(ANA, T0, new JsonObject().put("campaignId", "spring").put("leadId", "42")
        .put("number", "+442079460018").put("expiresAt", T0.plusSeconds(30).toString()));

    assertThat(to).containsExactly(ANA);
    assertThat(told.get(0).getString("type")).isEqualTo("preview-offered");
    assertThat(told.get(0).getString("leadId")).isEqualTo("42");
    assertThat(told.get(0).getString("number")).isEqualTo("+442079460018");
    assertThat(told.get(0).getString("at")).isEqualTo(T0.toString());
  }

  private List<String> types() {
    return told.stream().map(m -> m.getString("type")).toList();
  }

  private static JournalEntry.Entered entered(CallId call) {
    return new JournalEntry.Entered(call, SUPPORT, T0, PbxId.of("pbx1"), LegId.of(call.value()), Optional.of(CALLER),
        Did.of("4930300100"), 1);
  }

  private static JournalEntry.AgentRung rung(CallId call, AgentId agent, int second) {
    return new JournalEntry.AgentRung(call, SUPPORT, T0.plusSeconds(second), agent, agentLeg(), "PJSIP/2101");
  }

  private static LegId agentLeg() {
    return LegId.of("pbx1/agent-leg-1");
  }

  private static AgentStatus status(AgentState state, int second, long version) {
    return new AgentStatus(state, Optional.empty(), T0.plusSeconds(second), version);
  }
}
