package io.switchboard.server.kpi;

import io.switchboard.queue.routing.JournalEntry;
import io.switchboard.queue.routing.RoutingJournal;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A tee on the router's journal: every entry is counted by the live KPIs, then written as before. Counting
 * never fails the journal (and so never fails routing); the outcome is the wrapped journal's.
 */
final class KpiJournal implements RoutingJournal {

  private static final Logger LOG = LoggerFactory.getLogger(KpiJournal.class);

  private final RoutingJournal journal;
  private final LiveKpis kpis;

  KpiJournal(RoutingJournal journal, LiveKpis kpis) {
    this.journal = journal;
    this.kpis = kpis;
  }

  @Override
  public CompletionStage<Void> record(JournalEntry entry) {
    try {
      kpis.record(entry);
    } catch (RuntimeException e) {
      if (entry instanceof JournalEntry.CallStep step) {
        LOG.warn("event=kpi-count-failed callId={} queueId={} step={} reason={}", step.call(), step.queue(),
            entry.getClass().getSimpleName(), e.toString());
      } else {
        LOG.warn("event=kpi-count-failed step={} reason={}", entry.getClass().getSimpleName(), e.toString());
      }
    }
    return journal.record(entry);
  }
}
