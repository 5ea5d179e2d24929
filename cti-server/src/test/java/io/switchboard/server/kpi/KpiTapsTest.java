package io.switchboard.server.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;
import io.switchboard.core.id.QueueId;
import io.switchboard.queue.kpi.KpiEngine;
import io.switchboard.queue.kpi.KpiSettings;
import io.switchboard.queue.routing.JournalEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

class KpiTapsTest {

  private static final Instant NINE = Instant.parse("2026-11-24T09:00:00Z");

  private final LiveKpis kpis = new LiveKpis(new KpiEngine(KpiSettings.defaults(), () -> NINE));
  private final List<JournalEntry> written = new ArrayList<>();
  private final CompletableFuture<Void> writeOutcome = new CompletableFuture<>();
  private final KpiJournal journal = new KpiJournal(entry -> {
    written.add(entry);
    return writeOutcome;
  }, kpis::record);

  @Test
  void every_entry_is_counted_and_still_written_with_the_journal_s_own_outcome() {
    JournalEntry abandoned = new JournalEntry.Abandoned(CallId.of("c1"), QueueId.of("support"), NINE,
        LegId.of("c1"), 1, 1, Duration.ofSeconds(30));

    CompletionStage<Void> outcome = journal.record(abandoned);

    assertThat(written).containsExactly(abandoned);
    assertThat(outcome).isSameAs(writeOutcome);
    assertThat(kpis.queue(QueueId.of("support")).windows().values())
        .allSatisfy(figures -> assertThat(figures.abandoned()).isEqualTo(1));
  }

  @Test
  void an_entry_the_kpis_cannot_count_is_still_written() {
    JournalEntry withoutWait = new JournalEntry.Connected(CallId.of("c1"), QueueId.of("support"), NINE,
        AgentId.of("a1"), LegId.of("c1-a1"), null, Duration.ofSeconds(2));

    journal.record(withoutWait);

    assertThat(written).containsExactly(withoutWait);
  }
}
