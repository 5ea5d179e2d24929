package io.switchboard.server.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.id.QueueId;
import io.switchboard.queue.kpi.IntervalRow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class HistoryWriterTest {

  private static final Instant NINE = Instant.parse("2026-11-25T09:00:00Z");
  private static final Instant NINE_FIFTEEN = NINE.plus(IntervalRow.LENGTH);
  private static final Instant STARTED = NINE.plus(Duration.ofMinutes(7));

  private final List<IntervalRow> rows = List.of(row(NINE), row(NINE_FIFTEEN));

  @Test
  void a_node_that_is_not_the_writer_writes_nothing_and_writes_once_it_becomes_the_writer() {
    AtomicBoolean oldest = new AtomicBoolean(false);
    HistoryWriter writer = new HistoryWriter(oldest::get, HistoryWriter.wholeFrom(true, STARTED));

    assertThat(writer.toWrite(rows)).isEmpty();
    oldest.set(true);
    assertThat(writer.toWrite(rows)).isEqualTo(rows);
  }

  @Test
  void the_oldest_member_at_its_start_counted_the_interval_it_started_in_whole() {
    assertThat(HistoryWriter.wholeFrom(true, STARTED)).isEqualTo(NINE);
  }

  @Test
  void a_node_that_joined_a_running_cluster_never_overwrites_the_interval_it_joined_in_with_the_part_it_saw() {
    HistoryWriter writer = new HistoryWriter(() -> true, HistoryWriter.wholeFrom(false, STARTED));

    assertThat(writer.toWrite(rows)).extracting(IntervalRow::start).containsExactly(NINE_FIFTEEN);
  }

  private static IntervalRow row(Instant start) {
    return new IntervalRow(QueueId.of("support"), start, 3, 2, 2, 1, 0, 0, Duration.ofSeconds(20), 1,
        Duration.ofMinutes(4));
  }
}
