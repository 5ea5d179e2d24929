package io.switchboard.server.crm;

import io.switchboard.core.id.AgentId;
import io.switchboard.core.port.CrmConnector;
import io.switchboard.queue.routing.JournalEntry;
import io.switchboard.queue.routing.OutboundJournal;
import io.switchboard.queue.routing.RoutingJournal;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CRM's view of calls, fed by the router's inbound and outbound journals ({@link #tap}, {@link #tapOutbound}): a reservation (an
 * agent rung) starts the screen pop, and each call's end gives its logs ({@link CrmCallLogs}), which go to the outbox once
 * per enabled connector. The tap does only in-memory work on the router's thread and never fails or delays the
 * journal: a CRM never delays routing.
 */
public final class CrmCalls {

  /** How often held logs are checked for the end of their disposition wait. */
  static final Duration SWEEP = Duration.ofSeconds(1);

  private static final Logger LOG = LoggerFactory.getLogger(CrmCalls.class);

  private final List<String> connectors;
  private final OutboxWriter outbox;
  private final CrmPops pops;
  private final CrmCallLogs logs;
  private final Clock clock;

  public CrmCalls(List<CrmConnector> connectors, OutboxWriter outbox, CrmPops pops, Duration dispositionWait,
      Clock clock) {
    this.connectors = connectors.stream().map(CrmConnector::name).toList();
    this.outbox = outbox;
    this.pops = pops;
    this.logs = new CrmCallLogs(dispositionWait);
    this.clock = clock;
  }

  /** {@code journal}, with every entry seen here first; the journal itself is unchanged. */
  public RoutingJournal tap(RoutingJournal journal) {
    if (connectors.isEmpty()) {
      return journal;
    }
    return entry -> {
      try {
        seen(entry);
      } catch (RuntimeException e) {
        LOG.warn("event=crm-tap-failed step={} reason={}", entry.getClass().getSimpleName(), e.toString());
      }
      return journal.record(entry);
    };
  }

  /** {@code journal} of outbound calls, with every entry seen here first; the journal itself is unchanged. */
  public OutboundJournal tapOutbound(OutboundJournal journal) {
    if (connectors.isEmpty()) {
      return journal;
    }
    return entry -> {
      try {
        enqueue(logs.record(entry));
      } catch (RuntimeException e) {
        LOG.warn("event=crm-tap-failed callId={} step={} reason={}", entry.call(), entry.getClass().getSimpleName(),
            e.toString());
      }
      return journal.record(entry);
    };
  }

  /** Releases held logs whose disposition wait is over, every {@link #SWEEP}; returns the timer id. */
  public long start(Vertx vertx) {
    return vertx.setPeriodic(SWEEP.toMillis(), id -> sweep());
  }

  /**
   * The agent's wrap-up of their latest ended inbound call: its log goes to the outbox now, with the
   * disposition and notes. False when the agent has no call log waiting for a wrap-up.
   */
  public boolean wrapUp(AgentId agent, Optional<String> disposition, Optional<String> notes) {
    return logs.wrapUp(agent, disposition, notes).map(ended -> {
      enqueue(List.of(ended));
      return true;
    }).orElse(false);
  }

  void sweep() {
    enqueue(logs.due(clock.instant()));
  }

  private void seen(JournalEntry entry) {
    if (entry instanceof JournalEntry.AgentRung rung) {
      pops.reserved(rung.call(), rung.agent(), logs.caller(rung.call()), logs.dialled(rung.call()),
          logs.queue(rung.call()), logs::matched);
    }
    enqueue(logs.record(entry));
  }

  private void enqueue(List<CrmCallLogs.Ended> ended) {
    for (CrmCallLogs.Ended e : ended) {
      for (String connector : connectors) {
        outbox.enqueue(e.forCrm(connector), List.of(connector));
      }
    }
  }
}
