package io.switchboard.server.kpi;

import static io.switchboard.server.persistence.jooq.Tables.KPI_QUEUE_INTERVALS;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.id.QueueId;
import io.switchboard.queue.kpi.IntervalRow;
import io.switchboard.server.persistence.Database;
import io.switchboard.server.persistence.DatabaseSettings;
import io.switchboard.server.persistence.TestDataDirs;
import io.switchboard.server.persistence.jooq.tables.records.KpiQueueIntervalsRecord;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** KPI history on a real, migrated MariaDB, with a database that is down for a while. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class JooqKpiIntervalsIT {

  private static final Instant NINE = Instant.parse("2026-11-24T09:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NINE.plus(Duration.ofMinutes(16)), ZoneOffset.UTC);
  private static final IntervalRow SUPPORT_AT_NINE = new IntervalRow(QueueId.of("support"), NINE, 10, 8, 6, 1, 1,
      2, Duration.ofSeconds(96), 7, Duration.ofSeconds(1400));
  private static final IntervalRow SALES_AT_NINE = new IntervalRow(QueueId.of("sales"), NINE, 3, 3, 3, 0, 0, 0,
      Duration.ofSeconds(9), 3, Duration.ofSeconds(600));

  private static Vertx vertx;
  private static Path dataDir;
  private static Database database;

  @BeforeAll
  static void migratedDatabase() {
    vertx = Vertx.vertx();
    dataDir = TestDataDirs.fresh("kpi-intervals");
    database = Database.open(vertx, DatabaseSettings.embedded(dataDir));
  }

  @AfterAll
  static void stop() {
    database.close();
    vertx.close().await();
    TestDataDirs.delete(dataDir);
  }

  @BeforeEach
  void noHistory() {
    database.query(dsl -> dsl.deleteFrom(KPI_QUEUE_INTERVALS).execute()).await();
  }

  private JooqKpiIntervals history(JooqKpiIntervals.Transactions transactions) {
    return new JooqKpiIntervals(transactions, vertx, vertx.getOrCreateContext(), CLOCK, Duration.ofMillis(50),
        Duration.ofMillis(200));
  }

  private static List<KpiQueueIntervalsRecord> stored() {
    return database.query(dsl -> dsl.selectFrom(KPI_QUEUE_INTERVALS).orderBy(KPI_QUEUE_INTERVALS.QUEUE_ID).fetch())
        .await();
  }

  @Test
  void each_closed_interval_is_one_row_with_the_sums_of_its_calls() {
    history(JooqKpiIntervals.Transactions.on(database)).save(List.of(SUPPORT_AT_NINE, SALES_AT_NINE)).await();

    List<KpiQueueIntervalsRecord> rows = stored();
    assertThat(rows).extracting(KpiQueueIntervalsRecord::getQueueId).containsExactly("sales", "support");
    KpiQueueIntervalsRecord support = rows.get(1);
    assertThat(support.getIntervalStart()).isEqualTo(NINE);
    assertThat(support.getIntervalSeconds()).isEqualTo(900);
    assertThat(List.of(support.getOffered(), support.getAnswered(), support.getAnsweredWithinThreshold(),
        support.getAbandoned(), support.getShortAbandons(), support.getRepeatCallers(), support.getHandled()))
        .containsExactly(10, 8, 6, 1, 1, 2, 7);
    assertThat(support.getAnswerWaitMs()).isEqualTo(96_000L);
    assertThat(support.getHandleMs()).isEqualTo(1_400_000L);
    assertThat(support.getWrittenAt()).isEqualTo(CLOCK.instant());
  }

  @Test
  void rows_are_kept_while_the_database_is_down_and_written_when_it_is_back() {
    AtomicInteger attempts = new AtomicInteger();
    JooqKpiIntervals.Transactions downTwice = work -> attempts.incrementAndGet() <= 2
        ? Future.failedFuture(new IllegalStateException("database down"))
        : JooqKpiIntervals.Transactions.on(database).run(work);
    JooqKpiIntervals history = history(downTwice);

    Future<Void> first = history.save(List.of(SUPPORT_AT_NINE));
    Future<Void> second = history.save(List.of(SALES_AT_NINE));
    first.await();
    second.await();

    assertThat(attempts.get()).isGreaterThanOrEqualTo(3);
    assertThat(stored()).hasSize(2);
    assertThat(history.pending()).isZero();
  }

  @Test
  void a_write_retried_after_its_answer_was_lost_does_not_count_twice() {
    AtomicInteger attempts = new AtomicInteger();
    JooqKpiIntervals.Transactions answerLostOnce = work -> JooqKpiIntervals.Transactions.on(database).run(work)
        .compose(written -> attempts.incrementAndGet() == 1
            ? Future.failedFuture(new IllegalStateException("connection reset after commit"))
            : Future.succeededFuture(written));

    history(answerLostOnce).save(List.of(SUPPORT_AT_NINE)).await();

    assertThat(attempts.get()).isEqualTo(2);
    assertThat(stored()).singleElement().extracting(KpiQueueIntervalsRecord::getOffered).isEqualTo(10);
  }
}
