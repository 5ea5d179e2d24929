package io.switchboard.server.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.agent.Agent;
import io.switchboard.core.agent.AgentState;
import io.switchboard.core.agent.AgentStatus;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;
import io.switchboard.core.id.PbxId;
import io.switchboard.core.id.QueueId;
import io.switchboard.core.port.AgentDirectory;
import io.switchboard.core.port.MonitorMode;
import io.switchboard.server.cluster.OwnerRequests;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two nodes on one event bus: the owner of PBX {@code pbx1}, where agent a1 talks, and another node, where the
 * supervisor's requests land. They share the agents' states, live calls and records (the cluster's maps and
 * database); each has its own handle on the PBX and its own monitors.
 */
class MonitorsThroughOwnersTest {

  private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
  private static final AgentId A1 = AgentId.of("a1");
  private static final CallId CALL = CallId.of("pbx1/1700000000.42");

  private final Vertx vertx = Vertx.vertx();
  private final MonitoringCallControl ownersPbx = new MonitoringCallControl();
  private final MonitoringCallControl othersPbx = new MonitoringCallControl();
  private OwnerRequests ownersRequests;
  private Monitors owner;
  private Monitors other;

  @BeforeEach
  void twoNodes() {
    ownersRequests = new OwnerRequests(vertx, pbx -> pbx.equals("pbx1"));
    owner = monitors(ownersPbx, "sb-owner");
    owner.throughOwners(ownersRequests, pbx -> pbx.equals("pbx1"), List.of("pbx1"));
    ownersRequests.gained("pbx1", 1);
    other = monitors(othersPbx, "sb-other");
    other.throughOwners(new OwnerRequests(vertx, pbx -> false), pbx -> false, List.of("pbx1"));
  }

  @AfterEach
  void tearDown() {
    vertx.close();
  }

  private Monitors monitors(MonitoringCallControl pbx, String id) {
    AgentDirectory agents = new AgentDirectory() {
      @Override
      public CompletionStage<Optional<Agent>> find(AgentId agent) {
        return CompletableFuture.completedFuture(Optional.of(new Agent(agent, agent.value(), List.of(), List.of(),
            Agent.VOICE_ONLY, Optional.empty())));
      }

      @Override
      public CompletionStage<List<Agent>> membersOf(QueueId queue) {
        return CompletableFuture.completedFuture(List.of());
      }
    };
    return new Monitors(vertx.getOrCreateContext(), agents,
        agent -> Future.succeededFuture(Optional.of(new AgentStatus(AgentState.ON_CALL, Optional.empty(), NOW, 3))),
        agent -> Future.succeededFuture(Optional.of(CALL)),
        call -> Future.succeededFuture(Optional.of(new JsonObject().put("id", call).putNull("endedAt"))),
        p -> p.equals(PbxId.of("pbx1")) ? Optional.of(pbx) : Optional.empty(), Clock.fixed(NOW, ZoneOffset.UTC),
        () -> id);
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  @Test
  void a_monitor_asked_of_another_node_is_rung_by_the_owner_listed_everywhere_and_ended_through_any_node()
      throws Exception {
    MonitorOutcome started = await(other.start(A1, MonitorMode.BARGE, "PJSIP/2001", "sup1"));

    assertThat(started).isInstanceOf(MonitorOutcome.Started.class);
    Monitor monitor = ((MonitorOutcome.Started) started).monitor();
    assertThat(monitor.id()).as("the owner's id").isEqualTo("sb-owner");
    assertThat(ownersPbx.spies).containsExactly(new MonitoringCallControl.Spy(CALL, LegId.of("pbx1/sb-owner"),
        "PJSIP/2001", MonitorMode.BARGE));
    assertThat(othersPbx.spies).isEmpty();
    assertThat(await(other.list())).containsExactly(monitor);
    assertThat(await(owner.list())).containsExactly(monitor);

    assertThat(await(other.end("sb-owner", m -> false))).as("hidden from this caller")
        .isEqualTo(new MonitorOutcome.Refused(404, "monitor-not-found", "no live monitor with id 'sb-owner'"));
    assertThat(ownersPbx.hangups).isEmpty();
    assertThat(await(other.end("sb-owner", m -> true))).isEqualTo(new MonitorOutcome.Ended(monitor));
    assertThat(ownersPbx.hangups).containsExactly(CallId.of("pbx1/sb-owner"));
    assertThat(othersPbx.hangups).isEmpty();
    assertThat(await(other.list())).isEmpty();
  }

  @Test
  void no_owner_answering_is_503_pbx_owner_unreachable_and_the_list_is_this_nodes_own() throws Exception {
    ownersRequests.lost("pbx1", 1, "lease-expired");

    MonitorOutcome refused = await(other.start(A1, MonitorMode.LISTEN, "PJSIP/2001", "sup1"));

    assertThat(((MonitorOutcome.Refused) refused).status()).isEqualTo(503);
    assertThat(((MonitorOutcome.Refused) refused).errorId()).isEqualTo("pbx-owner-unreachable");
    assertThat(ownersPbx.spies).isEmpty();
    assertThat(await(other.list())).isEmpty();
  }
}
