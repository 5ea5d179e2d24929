package io.switchboard.server.crm;

import static io.switchboard.server.persistence.jooq.Tables.CRM_OUTBOX;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.crm.CallLog;
import io.switchboard.core.crm.CrmLogResult;
import io.switchboard.server.persistence.Database;
import io.switchboard.server.persistence.DatabaseSettings;
import io.switchboard.server.persistence.TestDataDirs;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The durable call-log outbox (V17) on a real, migrated MariaDB, its dispatchers driven by a fake clock. */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class JooqCrmOutboxIT {

  private static final Instant T0 = Instant.parse("2026-11-24T08:00:00Z");
  /** The defaults but a short call timeout, so a lost answer is noticed in test time. */
  private static final OutboxSettings SETTINGS = new OutboxSettings(Duration.ofSeconds(5), Duration.ofSeconds(10),
      Duration.ofMinutes(2), 1000, 100, Duration.ofMillis(300), Duration.ofMinutes(2));

  private static Vertx vertx;
  private static Path dataDir;
  private static Database database;
  private MutableClock clock;
  private OutboxWriter writer;
  private JooqCrmOutbox outbox;

  @BeforeAll
  static void migratedDatabase() {
    vertx = Vertx.vertx();
    dataDir = TestDataDirs.fresh("crm-outbox");
    database = Database.open(vertx, DatabaseSettings.embedded(dataDir));
  }

  @AfterAll
  static void stop() {
    database.close();
    vertx.close().await();
    TestDataDirs.delete(dataDir);
  }

  @BeforeEach
  void emptyOutbox() {
    database.query(dsl -> dsl.deleteFrom(CRM_OUTBOX).execute()).await();
    clock = new MutableClock(T0);
    writer = new OutboxWriter(database, vertx, clock, Duration.ofMillis(200), OutboxWriter.DEFAULT_BOUND);
    outbox = new JooqCrmOutbox(database);
  }

  private OutboxDispatcher dispatcher(FakeCrm crm, long seed) {
    return new OutboxDispatcher(outbox, List.of(crm), SETTINGS, clock, new SplittableRandom(seed));
  }

  private static void within(Duration limit, BooleanSupplier done) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!done.getAsBoolean() && System.nanoTime() < deadline) {
      Thread.sleep(2);
    }
    assertThat(done.getAsBoolean()).as("done within " + limit).isTrue();
  }

  private int rows(OutboxState state) {
    return database.query(dsl -> dsl.fetchCount(CRM_OUTBOX, CRM_OUTBOX.STATE.eq(state.slug()))).await();
  }

  @Test
  void a_two_hour_crm_outage_while_a_thousand_calls_end_logs_every_call_exactly_once_soon_after() throws Exception {
    Instant back = T0.plus(Duration.ofHours(2));
    String lost = "pbx1/c500:agent-3";
    FakeCrm crm = new FakeCrm("salesforce", clock).refusingUntil(back).losingTheAnswerOnceFor(lost);
    OutboxDispatcher dispatcher = dispatcher(crm, 7);
    int ended = 0;
    Optional<Instant> drained = Optional.empty();
    for (int tick = 0; drained.isEmpty() && tick < 2 * 360 + 60; tick++) {
      for (; ended < 1000 && ended * 720L / 1000 <= tick; ended++) {
        writer.enqueue(Logs.answered("pbx1/c" + ended, "agent-" + ended % 7), List.of("salesforce"));
      }
      within(Duration.ofSeconds(30), () -> writer.unwritten() == 0);
      dispatcher.drain().await();
      if (ended == 1000 && rows(OutboxState.PENDING) == 0) {
        drained = Optional.of(clock.instant());
      }
      clock.advance(Duration.ofSeconds(10));
    }

    assertThat(drained).as("drained").isPresent();
    assertThat(drained.get()).isBefore(back.plus(Duration.ofMinutes(3)));
    assertThat(crm.records).hasSize(1000);
    assertThat(crm.acceptedSends).allSatisfy((key, sends) ->
        assertThat(sends.get()).as(key).isEqualTo(key.equals(lost) ? 2 : 1));
    assertThat(crm.mostAtOnceForOneKey.get()).isEqualTo(1);
    assertThat(rows(OutboxState.LOGGED)).isEqualTo(1000);
    assertThat(rows(OutboxState.FAILED)).isZero();
    String lostRecord = database.query(dsl -> dsl.select(CRM_OUTBOX.RECORD_ID).from(CRM_OUTBOX)
        .where(CRM_OUTBOX.IDEMPOTENCY_KEY.eq(lost)).fetchOne(CRM_OUTBOX.RECORD_ID)).await();
    assertThat(lostRecord).isEqualTo("rec-" + lost);
  }

  @Test
  void logs_enqueued_while_the_database_is_away_are_all_written_once_it_is_back() throws Exception {
    database.query(dsl -> dsl.execute("RENAME TABLE crm_outbox TO crm_outbox_away")).await();
    try {
      for (int i = 0; i < 50; i++) {
        writer.enqueue(Logs.answered("pbx1/d" + i, "agent-1"), List.of("salesforce", "hubspot"));
      }
      within(Duration.ofSeconds(30), () -> writer.failedWrites() > 1);
      assertThat(writer.unwritten()).isEqualTo(100);
    } finally {
      database.query(dsl -> dsl.execute("RENAME TABLE crm_outbox_away TO crm_outbox")).await();
    }

    within(Duration.ofSeconds(30), () -> writer.unwritten() == 0);
    assertThat(rows(OutboxState.PENDING)).isEqualTo(100);
  }

  @Test
  void past_its_bound_the_memory_keeps_the_oldest_logs_and_drops_the_newest() throws Exception {
    OutboxWriter small = new OutboxWriter(database, vertx, clock, Duration.ofMillis(200), 10);
    database.query(dsl -> dsl.execute("RENAME TABLE crm_outbox TO crm_outbox_away")).await();
    try {
      for (int i = 0; i < 15; i++) {
        small.enqueue(Logs.missed("pbx1/m" + i), List.of("zendesk"));
      }
      assertThat(small.unwritten()).isEqualTo(10);
    } finally {
      database.query(dsl -> dsl.execute("RENAME TABLE crm_outbox_away TO crm_outbox")).await();
    }
    within(Duration.ofSeconds(30), () -> small.unwritten() == 0);
    assertThat(database.query(dsl -> dsl.select(CRM_OUTBOX.CALL_ID).from(CRM_OUTBOX).orderBy(CRM_OUTBOX.ID)
        .fetch(CRM_OUTBOX.CALL_ID)).await()).first().isEqualTo("pbx1/m0");
    assertThat(rows(OutboxState.PENDING)).isEqualTo(10);
  }

  @Test
  void a_log_enqueued_twice_is_one_row() throws Exception {
    CallLog log = Logs.answered("pbx1/e1", "agent-2");
    writer.enqueue(log, List.of("salesforce"));
    within(Duration.ofSeconds(30), () -> writer.unwritten() == 0);
    writer.enqueue(log, List.of("salesforce"));
    within(Duration.ofSeconds(30), () -> writer.unwritten() == 0);

    assertThat(rows(OutboxState.PENDING)).isEqualTo(1);
  }

  @Test
  void two_dispatchers_racing_on_the_table_never_send_a_key_twice() throws Exception {
    for (int i = 0; i < 300; i++) {
      writer.enqueue(Logs.answered("pbx1/r" + i, "agent-3"), List.of("hubspot"));
    }
    within(Duration.ofSeconds(30), () -> writer.unwritten() == 0);
    FakeCrm crm = new FakeCrm("hubspot", clock)
        .answeringOn(CompletableFuture.delayedExecutor(3, TimeUnit.MILLISECONDS));
    AtomicInteger first = new AtomicInteger();
    AtomicInteger second = new AtomicInteger();

    Future.all(dispatcher(crm, 1).drain().onSuccess(first::set), dispatcher(crm, 2).drain().onSuccess(second::set))
        .await();

    assertThat(first.get() + second.get()).isEqualTo(300);
    assertThat(crm.calls.get()).isEqualTo(300);
    assertThat(crm.mostAtOnceForOneKey.get()).isEqualTo(1);
    assertThat(crm.acceptedSends).hasSize(300).allSatisfy((key, sends) -> assertThat(sends.get()).isEqualTo(1));
    assertThat(rows(OutboxState.LOGGED)).isEqualTo(300);
  }

  @Test
  void a_non_retryable_refusal_is_failed_and_counted_and_the_page_shows_it_without_the_number() throws Exception {
    writer.enqueue(Logs.missed("pbx1/f1"), List.of("zendesk"));
    writer.enqueue(Logs.answered("pbx1/f2", "agent-4"), List.of("zendesk"));
    within(Duration.ofSeconds(30), () -> writer.unwritten() == 0);
    FakeCrm refusing = new FakeCrm("zendesk", clock).answering(log -> log.agent().isEmpty()
        ? new CrmLogResult.NotLogged("invalid-ticket", "caller +442079460018", false)
        : new CrmLogResult.NotLogged("rate-limited", "429", true));
    clock.advance(Duration.ofMinutes(1));

    dispatcher(refusing, 3).drain().await();

    OutboxCounts counts = outbox.counts(clock.instant()).await();
    assertThat(counts).isEqualTo(new OutboxCounts(1, Optional.of(Duration.ofMinutes(1)), 1));
    List<OutboxRow> failed = outbox.page(Optional.of(OutboxState.FAILED), 0, 10).await();
    assertThat(failed).singleElement().satisfies(row -> {
      assertThat(row.idempotencyKey()).isEqualTo("pbx1/f1:-");
      assertThat(row.attempts()).isEqualTo(1);
      assertThat(row.lastError()).hasValue("invalid-ticket: caller ***********18");
    });
    assertThat(outbox.page(Optional.empty(), 0, 1).await()).singleElement()
        .satisfies(row -> assertThat(row.call()).isEqualTo("pbx1/f2"));
  }
}
