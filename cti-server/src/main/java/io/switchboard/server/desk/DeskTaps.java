package io.switchboard.server.desk;

import io.switchboard.core.agent.AgentStatus;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.port.AgentStateStore;
import io.switchboard.core.port.StatusUpdate;
import io.switchboard.queue.routing.OutboundJournal;
import io.switchboard.queue.routing.RoutingJournal;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Taps that show {@link AgentDesks} what the router journals and what this node stores as agents' statuses. The
 * journal or store under a tap is unchanged; a desk that fails is logged and never fails the router.
 */
final class DeskTaps {

  private static final Logger LOG = LoggerFactory.getLogger(DeskTaps.class);

  private DeskTaps() {
  }

  static RoutingJournal journal(RoutingJournal journal, AgentDesks desks) {
    return entry -> {
      try {
        desks.seen(entry);
      } catch (RuntimeException e) {
        LOG.warn("event=desk-tap-failed step={} reason={}", entry.getClass().getSimpleName(), e.toString());
      }
      return journal.record(entry);
    };
  }

  static OutboundJournal outbound(OutboundJournal journal, AgentDesks desks) {
    return entry -> {
      try {
        desks.seen(entry);
      } catch (RuntimeException e) {
        LOG.warn("event=desk-tap-failed callId={} step={} reason={}", entry.call(), entry.getClass().getSimpleName(),
            e.toString());
      }
      return journal.record(entry);
    };
  }

  /** {@code states}, with each status stored through it shown to the desks and then to {@code stored}. */
  static AgentStateStore states(AgentStateStore states, AgentDesks desks, BiConsumer<AgentId, AgentStatus> stored) {
    return new AgentStateStore() {
      @Override
      public CompletionStage<Optional<AgentStatus>> read(AgentId agent) {
        return states.read(agent);
      }

      @Override
      public CompletionStage<StatusUpdate> compareAndSet(AgentId agent, long expectedVersion, AgentStatus next) {
        return states.compareAndSet(agent, expectedVersion, next).thenApply(update -> {
          if (update instanceof StatusUpdate.Stored s) {
            try {
              desks.stored(agent, s.status());
              stored.accept(agent, s.status());
            } catch (RuntimeException e) {
              LOG.warn("event=desk-tap-failed agentId={} state={} reason={}", agent, s.status().state(),
                  e.toString());
            }
          }
          return update;
        });
      }
    };
  }
}
