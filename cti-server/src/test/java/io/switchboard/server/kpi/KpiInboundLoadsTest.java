package io.switchboard.server.kpi;

import io.switchboard.core.agent.Agent;
import io.switchboard.core.agent.AgentState;
import io.switchboard.core.agent.AgentStatus;
import io.switchboard.core.agent.QueueMembership;
import io.switchboard.core.call.Did;
import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;
import io.switchboard.core.id.PbxId;
import io.switchboard.core.id.QueueId;
import io.switchboard.core.port.AgentDirectory;
import io.switchboard.queue.dialer.blend.InboundLoad;
import io.switchboard.queue.kpi.KpiEngine;
import io.switchboard.queue.kpi.KpiSettings;
import io.switchboard.queue.routing.JournalEntry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import static org.assertj.core.api.Assertions.assertThat;

class KpiInboundLoadsTest {

  private static final QueueId SUPPORT = QueueId.of("support");
  private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

  private final LiveKpis kpis = new LiveKpis(new KpiEngine(KpiSettings.defaults(), () -> NOW));
  private final AgentDirectory directory = new AgentDirectory() {
    @Override
    public CompletionStage<Optional<Agent>> find(AgentId id) {
      return CompletableFuture.completedFuture(Optional.empty());
    }

    @Override
    public CompletionStage<List<Agent>> membersOf(QueueId queue) {
      return CompletableFuture.completedFuture(List.of(member("i1"), member("i2"), member("paused"), member("b1")));
    }
  };

  @Test
  void aQueuesLoadIsItsWaitingCallersRecentArrivalsAndWorkingInboundOnlyAgents() {
    for (int i = 0; i < 3; i++) {
      kpis.record(new JournalEntry.Entered(CallId.of("c" + i), SUPPORT, NOW.minusSeconds(30 + i), PbxId.of("sim"),
          LegId.of("c" + i), Optional.of(PhoneNumber.parse("+4930555123", "caller")), Did.of("100"), i + 1));
    }
    kpis.stored(AgentId.of("i1"), status(AgentState.ON_CALL));
    kpis.stored(AgentId.of("i2"), status(AgentState.AVAILABLE));
    kpis.stored(AgentId.of("paused"), status(AgentState.PAUSED));
    kpis.stored(AgentId.of("b1"), status(AgentState.AVAILABLE));

    InboundLoad load = new KpiInboundLoads(kpis, directory)
        .of(Set.of(SUPPORT), Set.of(AgentId.of("b1"))).toCompletableFuture().join().get(0);

    assertThat(load.queue()).isEqualTo(SUPPORT);
    assertThat(load.waiting()).isEqualTo(3);
    assertThat(load.longestWait()).isEqualTo(Duration.ofSeconds(32));
    assertThat(load.callsPerHour()).isEqualTo(12.0);
    assertThat(load.inboundOnly()).as("i1 and i2 work; the paused agent and the blended one do not count")
        .isEqualTo(2);
    assertThat(load.inboundOnlyFree()).as("i2 is free; i1 is on a call").isEqualTo(1);
    assertThat(load.target()).isEqualTo(0.8);
    assertThat(load.handleTime()).isEqualTo(KpiInboundLoads.DEFAULT_HANDLE_TIME);
  }

  @Test
  void eachQueueIsProtectedToItsOwnTargetAndThreshold() {
    kpis.judge(SUPPORT, Duration.ofSeconds(45), 0.95);

    InboundLoad load = new KpiInboundLoads(kpis, directory)
        .of(Set.of(SUPPORT), Set.of(AgentId.of("b1"))).toCompletableFuture().join().get(0);

    assertThat(load.target()).isEqualTo(0.95);
    assertThat(load.threshold()).isEqualTo(Duration.ofSeconds(45));
  }

  private static AgentStatus status(AgentState state) {
    return new AgentStatus(state, Optional.empty(), NOW.minusSeconds(60), 1);
  }

  private static Agent member(String id) {
    return new Agent(AgentId.of(id), id, List.of(), List.of(QueueMembership.of(SUPPORT)), Agent.VOICE_ONLY,
        Optional.of("SIP/" + id));
  }
}
