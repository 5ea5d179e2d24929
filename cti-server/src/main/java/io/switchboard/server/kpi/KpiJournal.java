package io.switchboard.server.kpi;

import io.switchboard.queue.routing.JournalEntry;
import io.switchboard.queue.routing.RoutingJournal;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A tee on the router's journal: every entry is counted by the live KPIs (and, in a cluster, sent to the other
 * nodes' KPIs: {@link KpiFeed}), then written as before. Counting
 * never fails the journal (and so never fails routing); the outcome is the wrapped journal's.
 */
final class KpiJournal implements RoutingJournal {

  private static final Logger LOG = LoggerFactory.getLogger(KpiJournal.class);

  private final RoutingJournal journal;
  private final Consumer<JournalEntry> kpis;

  KpiJournal(RoutingJournal journal, Consumer<JournalEntry> kpis) {
    this.journal = journal;
    this.kpis = kpis;
  }

  @Override
  public CompletionStage<Void> record(JournalEntry entry) {
    try {
      kpis.accept(entry);
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
