package io.switchboard.server.kpi;

import io.switchboard.core.agent.AgentState;
import io.switchboard.core.agent.AgentStatus;
import io.switchboard.core.call.Did;
import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;
import io.switchboard.core.id.PbxId;
import io.switchboard.core.id.QueueId;
import io.switchboard.core.port.AgentStateStore;
import io.switchboard.core.port.StatusUpdate;
import io.switchboard.queue.routing.JournalEntry;
import io.switchboard.queue.routing.RoutingJournal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Feeds {@link Kpis} the way the router does: through its taps on a journal and a state store that accept
 * everything. Tells the story of calls at chosen instants.
 */
public final class KpiFeeds {

  public static final QueueId SUPPORT = QueueId.of("support");

  private final RoutingJournal journal;
  private final AgentStateStore states;
  private final Map<AgentId, AgentStatus> stored = new HashMap<>();

  public KpiFeeds(Kpis kpis) {
    this.journal = kpis.tap(entry -> CompletableFuture.completedFuture(null));
    this.states = kpis.tap(new AgentStateStore() {
      @Override
      public CompletionStage<Optional<AgentStatus>> read(AgentId agent) {
        return CompletableFuture.completedFuture(Optional.ofNullable(stored.get(agent)));
      }

      @Override
      public CompletionStage<StatusUpdate> compareAndSet(AgentId agent, long expectedVersion, AgentStatus next) {
        stored.put(agent, next);
        return CompletableFuture.completedFuture(new StatusUpdate.Stored(next));
      }
    });
  }

  public void callEnters(String call, Instant at) {
    journal.record(new JournalEntry.Entered(CallId.of(call), SUPPORT, at, PbxId.of("sim"), LegId.of(call),
        Optional.of(PhoneNumber.parse("+4930555123", "caller")), Did.of("100"), 1));
  }

  public void agentAnswers(String agent, String call, Instant at, Duration waited) {
    journal.record(new JournalEntry.Connected(CallId.of(call), SUPPORT, at, AgentId.of(agent),
        LegId.of(call + "-" + agent), waited, Duration.ofSeconds(2)));
  }

  public void agentIs(String agent, AgentState state, Instant at) {
    AgentId id = AgentId.of(agent);
    AgentStatus current = stored.getOrDefault(id, AgentStatus.initial(at));
    states.compareAndSet(id, current.version(), new AgentStatus(state, Optional.empty(), at, current.version() + 1));
  }
}
