package io.switchboard.server.security;

import static io.switchboard.server.persistence.jooq.Tables.ADMIN_AUDIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.server.persistence.Database;
import io.switchboard.server.persistence.DatabaseSettings;
import io.switchboard.server.persistence.TestDataDirs;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code admin_audit} (V19) on a real, migrated MariaDB: batches written in order, nothing lost to an outage. */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class AdminAuditIT {

  private static final Instant T0 = Instant.parse("2026-11-24T08:00:00Z");

  private static Vertx vertx;
  private static Path dataDir;
  private static Database database;
  private AuditWriter writer;
  private JooqAdminAudit audit;

  @BeforeAll
  static void migratedDatabase() {
    vertx = Vertx.vertx();
    dataDir = TestDataDirs.fresh("admin-audit");
    database = Database.open(vertx, DatabaseSettings.embedded(dataDir));
  }

  @AfterAll
  static void stop() {
    database.close();
    vertx.close().await();
    TestDataDirs.delete(dataDir);
  }

  @BeforeEach
  void emptyAudit() {
    database.query(dsl -> dsl.deleteFrom(ADMIN_AUDIT).execute()).await();
    writer = new AuditWriter(database, vertx, Duration.ofMillis(200), AuditWriter.DEFAULT_BOUND);
    audit = new JooqAdminAudit(database);
  }

  private static AuditEntry entry(int second, String actor, String path) {
    return new AuditEntry(T0.plusSeconds(second), actor, "admin", "PUT", path, "q1", 200, "{\"name\":\"Sales\"}");
  }

  private static void within(Duration limit, BooleanSupplier done) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!done.getAsBoolean() && System.nanoTime() < deadline) {
      Thread.sleep(2);
    }
    assertThat(done.getAsBoolean()).as("done within " + limit).isTrue();
  }

  @Test
  void entries_are_read_back_newest_first_filtered_by_actor_and_time() throws Exception {
    for (int i = 0; i < 1200; i++) {
      writer.record(entry(i, i % 2 == 0 ? "alice" : "admin-token", "/api/v1/queues/q" + i));
    }
    within(Duration.ofSeconds(30), () -> writer.unwritten() == 0);

    List<AuditEntry> alice = audit.find(Optional.of("alice"), Optional.of(T0.plusSeconds(1000)), 200).await();

    assertThat(alice).hasSize(100).allMatch(e -> e.actor().equals("alice"));
    assertThat(alice.get(0)).isEqualTo(entry(1198, "alice", "/api/v1/queues/q1198"));
    assertThat(alice.get(99).at()).isEqualTo(T0.plusSeconds(1000));
    assertThat(audit.find(Optional.empty(), Optional.empty(), 3).await()).extracting(AuditEntry::path)
        .containsExactly("/api/v1/queues/q1199", "/api/v1/queues/q1198", "/api/v1/queues/q1197");
  }

  @Test
  void while_the_table_is_away_entries_are_kept_and_land_once_it_is_back() throws Exception {
    database.query(dsl -> dsl.execute("RENAME TABLE admin_audit TO admin_audit_away")).await();
    try {
      for (int i = 0; i < 20; i++) {
        writer.record(entry(i, "alice", "/api/v1/queues/q" + i));
      }
      within(Duration.ofSeconds(30), () -> writer.failedWrites() > 1);
      assertThat(writer.unwritten()).isEqualTo(20);
    } finally {
      database.query(dsl -> dsl.execute("RENAME TABLE admin_audit_away TO admin_audit")).await();
    }

    within(Duration.ofSeconds(30), () -> writer.unwritten() == 0);
    assertThat(audit.find(Optional.empty(), Optional.empty(), 100).await()).hasSize(20)
        .extracting(AuditEntry::path).first().isEqualTo("/api/v1/queues/q19");
  }

  @Test
  void past_its_bound_the_memory_keeps_the_oldest_entries() throws Exception {
    AuditWriter small = new AuditWriter(database, vertx, Duration.ofMillis(200), 5);
    database.query(dsl -> dsl.execute("RENAME TABLE admin_audit TO admin_audit_away")).await();
    try {
      for (int i = 0; i < 8; i++) {
        small.record(entry(i, "alice", "/api/v1/queues/q" + i));
      }
      assertThat(small.unwritten()).isEqualTo(5);
    } finally {
      database.query(dsl -> dsl.execute("RENAME TABLE admin_audit_away TO admin_audit")).await();
    }

    within(Duration.ofSeconds(30), () -> small.unwritten() == 0);
    assertThat(audit.find(Optional.empty(), Optional.empty(), 100).await()).extracting(AuditEntry::path)
        .containsExactly("/api/v1/queues/q4", "/api/v1/queues/q3", "/api/v1/queues/q2", "/api/v1/queues/q1",
            "/api/v1/queues/q0");
  }
}
