package io.switchboard.server.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.agent.AgentState;
import io.switchboard.core.agent.AgentStatus;
import io.switchboard.core.call.Did;
import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;
import io.switchboard.core.id.PbxId;
import io.switchboard.core.id.QueueId;
import io.switchboard.core.id.TaskId;
import io.switchboard.queue.kpi.KpiEngine;
import io.switchboard.queue.kpi.KpiSettings;
import io.switchboard.queue.kpi.KpiWindow;
import io.switchboard.queue.kpi.QueueFigures;
import io.switchboard.queue.routing.HeldCall;
import io.switchboard.queue.routing.JournalEntry;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Three nodes' feeds on a fake bus that, like Vert.x's {@code publish}, delivers every message to every node, the
 * sender included: each node must count every call exactly once, whichever node routed it.
 */
class KpiFeedTest {

  private static final Instant NINE = Instant.parse("2026-11-25T09:00:00Z");
  private static final QueueId SUPPORT = QueueId.of("support");

  private final List<KpiFeed> nodes = new ArrayList<>();
  private final List<LiveKpis> kpis = new ArrayList<>();

  KpiFeedTest() {
    for (String node : List.of("node-1", "node-2", "node-3")) {
      LiveKpis live = new LiveKpis(new KpiEngine(KpiSettings.defaults(), () -> NINE.plusSeconds(600)));
      kpis.add(live);
      nodes.add(new KpiFeed(this::deliverToAll, live, node));
    }
  }

  private void deliverToAll(String address, JsonObject body, String origin) {
    JsonObject onTheWire = new JsonObject(body.encode());
    nodes.forEach(node -> node.heard(address, origin, onTheWire));
  }

  @Test
  void a_call_routed_by_one_node_counts_once_on_every_node_its_own_included() {
    KpiFeed owner = nodes.get(1);

    owner.journaled(entered("c1", NINE, "+442079460001"));
    owner.journaled(connected("c1", NINE.plusSeconds(10)));
    owner.journaled(entered("c2", NINE.plusSeconds(20), "+442079460002"));
    owner.journaled(abandoned("c2", NINE.plusSeconds(60)));
    owner.journaled(entered("c3", NINE.plusSeconds(70), "+442079460003"));

    for (LiveKpis node : kpis) {
      QueueFigures today = node.queue(SUPPORT).windows().get(KpiWindow.SINCE_MIDNIGHT);
      assertThat(today.offered()).isEqualTo(3);
      assertThat(today.answered()).isEqualTo(1);
      assertThat(today.abandoned()).isEqualTo(1);
      assertThat(node.queue(SUPPORT).waiting()).isEqualTo(1);
    }
  }

  @Test
  void calls_routed_by_different_nodes_add_up_on_every_node() {
    nodes.get(0).journaled(entered("c1", NINE, "+442079460001"));
    nodes.get(2).journaled(entered("c2", NINE.plusSeconds(1), "+442079460002"));
    nodes.get(2).journaled(connected("c2", NINE.plusSeconds(5)));

    for (LiveKpis node : kpis) {
      QueueFigures today = node.queue(SUPPORT).windows().get(KpiWindow.SINCE_MIDNIGHT);
      assertThat(today.offered()).isEqualTo(2);
      assertThat(today.answered()).isEqualTo(1);
    }
  }

  @Test
  void a_caller_who_calls_again_through_another_node_is_a_repeat_caller_on_every_node() {
    nodes.get(0).journaled(entered("c1", NINE, "+442079460001"));
    nodes.get(1).journaled(entered("c2", NINE.plusSeconds(120), "+442079460001"));

    for (LiveKpis node : kpis) {
      assertThat(node.queue(SUPPORT).windows().get(KpiWindow.SINCE_MIDNIGHT).repeatCallers()).isEqualTo(1);
    }
  }

  @Test
  void an_agent_status_stored_on_one_node_is_the_agent_s_state_on_every_node() {
    AgentId agent = AgentId.of("a1");

    nodes.get(2).stored(agent, new AgentStatus(AgentState.AVAILABLE, Optional.empty(), NINE, 1));
    nodes.get(2).stored(agent, new AgentStatus(AgentState.ON_CALL, Optional.empty(), NINE.plusSeconds(60), 2));

    for (LiveKpis node : kpis) {
      assertThat(node.agent(agent).state()).isEqualTo(AgentState.ON_CALL);
      assertThat(node.agent(agent).windows().get(KpiWindow.SINCE_MIDNIGHT).ready())
          .isEqualTo(Duration.ofSeconds(60));
    }
  }

  @Test
  void a_message_that_cannot_be_read_is_dropped_and_the_feed_goes_on() {
    nodes.get(0).heard(KpiFeed.JOURNAL, "node-9", new JsonObject().put("type", "Entered"));
    nodes.get(1).journaled(entered("c1", NINE, "+442079460001"));

    assertThat(kpis.get(0).queue(SUPPORT).windows().get(KpiWindow.SINCE_MIDNIGHT).offered()).isEqualTo(1);
  }

  @Test
  void a_step_the_kpis_do_not_count_is_not_published() {
    List<String> published = new ArrayList<>();
    KpiFeed alone = new KpiFeed((address, body, origin) -> published.add(address), kpis.get(0), "node-1");

    alone.journaled(new JournalEntry.AgentRung(CallId.of("c1"), SUPPORT, NINE, AgentId.of("a1"), LegId.of("a"),
        "PJSIP/a1"));
    alone.journaled(entered("c1", NINE, "+442079460001"));

    assertThat(published).containsExactly(KpiFeed.JOURNAL);
  }

  @Test
  void a_node_joining_late_shows_the_callers_already_waiting_but_not_those_answered_meanwhile() {
    KpiFeed late = nodes.get(2);
    nodes.get(0).journaled(connected("c2", NINE.plusSeconds(30)));

    late.seed(List.of(inFlight("c1", Optional.empty()), inFlight("c2", Optional.empty()),
        inFlight("c3", Optional.of(NINE.plusSeconds(5)))));

    LiveKpis seen = kpis.get(2);
    assertThat(seen.queue(SUPPORT).waiting()).as("c1 only: c2 answered after the read, c3 talks").isEqualTo(1);
    assertThat(seen.queue(SUPPORT).longestWait()).isEqualTo(Duration.ofSeconds(600));
    assertThat(seen.queue(SUPPORT).windows().get(KpiWindow.SINCE_MIDNIGHT).offered()).isZero();
    late.seed(List.of(inFlight("c4", Optional.empty())));
    assertThat(seen.queue(SUPPORT).waiting()).as("a second seed changes nothing").isEqualTo(1);
  }

  @Test
  void a_node_fenced_off_the_pbx_neither_counts_nor_sends_the_steps_it_still_had_queued() {
    KpiFeed thawed = nodes.get(0);
    thawed.fencedBy(pbx -> pbx.equals("main"));

    thawed.journaled(new JournalEntry.Connected(CallId.of("main/1.1"), SUPPORT, NINE, AgentId.of("a1"),
        LegId.of("a1"), Duration.ofSeconds(10), Duration.ofSeconds(2)));
    thawed.journaled(new JournalEntry.Connected(CallId.of("other/1.2"), SUPPORT, NINE, AgentId.of("a1"),
        LegId.of("a1"), Duration.ofSeconds(10), Duration.ofSeconds(2)));

    for (LiveKpis node : kpis) {
      assertThat(node.queue(SUPPORT).windows().get(KpiWindow.SINCE_MIDNIGHT).answered())
          .as("only the call on the PBX it was not fenced off").isEqualTo(1);
    }
  }

  private static HeldCall inFlight(String call, Optional<Instant> connectedAt) {
    List<HeldCall.Offer> offers = connectedAt.isPresent()
        ? List.of(new HeldCall.Offer(AgentId.of("a1"), LegId.of(call + "-a1"), LegId.of(call + "-a1"), NINE))
        : List.of();
    return new HeldCall(CallId.of(call), PbxId.of("main"), LegId.of(call), SUPPORT, TaskId.of(call),
        Optional.empty(), 0, NINE, NINE, Duration.ZERO, 1, offers.size(), offers, connectedAt);
  }

  private static JournalEntry entered(String call, Instant at, String caller) {
    return new JournalEntry.Entered(CallId.of(call), SUPPORT, at, PbxId.of("main"), LegId.of(call),
        Optional.of(new PhoneNumber(caller)), Did.of("100"), 1);
  }

  private static JournalEntry connected(String call, Instant at) {
    return new JournalEntry.Connected(CallId.of(call), SUPPORT, at, AgentId.of("a1"), LegId.of(call + "-a1"),
        Duration.ofSeconds(10), Duration.ofSeconds(2));
  }

  private static JournalEntry abandoned(String call, Instant at) {
    return new JournalEntry.Abandoned(CallId.of(call), SUPPORT, at, LegId.of(call), 1, 1, Duration.ofSeconds(40));
  }
}
