package io.switchboard.server.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;
import io.switchboard.core.id.PbxId;
import io.switchboard.core.id.QueueId;
import io.switchboard.core.id.TaskId;
import io.switchboard.queue.routing.PendingCallback;
import io.switchboard.queue.waiting.QueuedCallback;
import io.switchboard.server.persistence.Database;
import io.switchboard.server.persistence.DatabaseSettings;
import io.switchboard.server.persistence.TestDataDirs;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Standing queued callbacks kept in {@code pending_callbacks} (V11) and read back, on a real, migrated MariaDB. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class JooqPendingCallbacksIT {

  private static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");
  private static final QueuedCallback SETTINGS = new QueuedCallback(true, '#', Duration.ofSeconds(30),
      Duration.ofSeconds(90), 4, Duration.ofSeconds(25), Duration.ofSeconds(120));

  private static Vertx vertx;
  private static Path dataDir;
  private static Database database;
  private JooqPendingCallbacks store;

  @BeforeAll
  static void migratedDatabase() {
    vertx = Vertx.vertx();
    dataDir = TestDataDirs.fresh("pending-callbacks");
    database = Database.open(vertx, DatabaseSettings.embedded(dataDir));
  }

  @AfterAll
  static void stop() {
    database.close();
    vertx.close().await();
    TestDataDirs.delete(dataDir);
  }

  @BeforeEach
  void emptyTable() {
    database.query(dsl -> dsl.deleteFrom(io.switchboard.server.persistence.jooq.Tables.PENDING_CALLBACKS).execute())
        .await();
    store = new JooqPendingCallbacks(database, vertx, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private static PendingCallback callback(String call, Instant created, int attempts, Optional<Instant> notBefore) {
    return new PendingCallback(TaskId.of("task-" + call), CallId.of("pbx1/" + call), PbxId.of("pbx1"),
        QueueId.of("support"), LegId.of(call + "-caller"), PhoneNumber.parse("+4930555777", "number"), 3, created,
        created.plusMillis(1500), 2, attempts, notBefore, SETTINGS);
  }

  /** The store's rows once every change asked so far has been written. */
  private List<PendingCallback> storedOnceWritten() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (store.unwritten() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(store.unwritten()).isZero();
    return await(store.all());
  }

  @Test
  void a_saved_callback_reads_back_whole_and_oldest_first() throws InterruptedException {
    PendingCallback later = callback("c3", NOW.minusSeconds(10), 0, Optional.empty());
    PendingCallback older = callback("c2", NOW.minusSeconds(60), 1, Optional.of(NOW.plusSeconds(120)));

    store.saved(later);
    store.saved(older);

    assertThat(storedOnceWritten()).containsExactly(older, later);
  }

  @Test
  void the_last_change_of_a_task_wins_and_an_ended_callback_is_gone() throws InterruptedException {
    PendingCallback first = callback("c2", NOW.minusSeconds(60), 0, Optional.empty());
    PendingCallback retry = callback("c2", NOW.minusSeconds(60), 1, Optional.of(NOW.plusSeconds(120)));
    PendingCallback other = callback("c4", NOW.minusSeconds(30), 0, Optional.empty());

    store.saved(first);
    store.saved(other);
    store.saved(retry);
    assertThat(storedOnceWritten()).containsExactly(retry, other);

    store.ended(TaskId.of("task-c2"));
    assertThat(storedOnceWritten()).containsExactly(other);
  }

  @Test
  void a_new_store_on_the_same_database_reads_what_the_old_one_wrote() throws InterruptedException {
    PendingCallback kept = callback("c5", NOW.minusSeconds(60), 2, Optional.of(NOW.plusSeconds(30)));
    store.saved(kept);
    storedOnceWritten();

    JooqPendingCallbacks afterRestart = new JooqPendingCallbacks(database, vertx, Clock.systemUTC());

    assertThat(await(afterRestart.all())).containsExactly(kept);
    assertThat(await(afterRestart.all()).get(0).toString()).doesNotContain("4930555777");
  }

  @Test
  void a_write_that_fails_while_the_table_is_away_is_kept_and_lands_once_it_is_back() throws Exception {
    PendingCallback kept = callback("c6", NOW.minusSeconds(60), 0, Optional.empty());
    database.query(dsl -> dsl.execute("RENAME TABLE pending_callbacks TO pending_callbacks_away")).await();
    try {
      store.saved(kept);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (store.failedWrites() == 0 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(store.failedWrites()).isPositive();
      assertThat(store.unwritten()).isEqualTo(1);
    } finally {
      database.query(dsl -> dsl.execute("RENAME TABLE pending_callbacks_away TO pending_callbacks")).await();
    }

    assertThat(storedOnceWritten()).containsExactly(kept);
  }

  @Test
  void a_newer_change_asked_while_a_write_failed_wins_over_the_retry() throws Exception {
    PendingCallback first = callback("c7", NOW.minusSeconds(60), 0, Optional.empty());
    database.query(dsl -> dsl.execute("RENAME TABLE pending_callbacks TO pending_callbacks_away")).await();
    try {
      store.saved(first);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (store.failedWrites() == 0 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      store.ended(TaskId.of("task-c7"));
    } finally {
      database.query(dsl -> dsl.execute("RENAME TABLE pending_callbacks_away TO pending_callbacks")).await();
    }

    assertThat(storedOnceWritten()).isEmpty();
  }

  private static <T> T await(CompletionStage<T> stage) {
    try {
      return stage.toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
