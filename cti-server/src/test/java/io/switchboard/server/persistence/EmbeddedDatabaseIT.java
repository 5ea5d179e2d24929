package io.switchboard.server.persistence;

import static io.switchboard.server.persistence.Rows.agent;
import static io.switchboard.server.persistence.Rows.audit;
import static io.switchboard.server.persistence.Rows.connect;
import static io.switchboard.server.persistence.Rows.inboundCall;
import static io.switchboard.server.persistence.Rows.leg;
import static io.switchboard.server.persistence.Rows.proficiency;
import static io.switchboard.server.persistence.Rows.skill;
import static io.switchboard.server.persistence.jooq.Tables.AGENTS;
import static io.switchboard.server.persistence.jooq.Tables.AGENT_SKILLS;
import static io.switchboard.server.persistence.jooq.Tables.AUDIT_LOG;
import static io.switchboard.server.persistence.jooq.Tables.CALLS;
import static io.switchboard.server.persistence.jooq.Tables.CALL_LEGS;
import static io.switchboard.server.persistence.jooq.Tables.QUEUE_LOG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.switchboard.server.persistence.jooq.tables.records.AuditLogRecord;
import io.switchboard.server.persistence.jooq.tables.records.CallLegsRecord;
import io.switchboard.server.persistence.jooq.tables.records.CallsRecord;
import io.switchboard.server.persistence.jooq.tables.records.QueueLogRecord;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class EmbeddedDatabaseIT {

  private Database database;
  private Path dataDir;

  @AfterEach
  void closeDatabaseAndRemoveItsData() {
    if (database != null) {
      database.close();
    }
    TestDataDirs.delete(dataDir);
  }

  @Test
  void aFreshEmbeddedDatabaseIsMigratedAndRoundTripsRowsThroughJooq(Vertx vertx, VertxTestContext test) {
    dataDir = TestDataDirs.fresh("fresh");

    Database.start(vertx, DatabaseSettings.embedded(dataDir))
        .compose(db -> {
          database = db;
          return db.query(EmbeddedDatabaseIT::insertOneAnsweredCall);
        })
        .compose(workerThread -> database.query(EmbeddedDatabaseIT::readBack)
            .map(readBack -> List.of(workerThread, readBack)))
        .onComplete(test.succeeding(results -> test.verify(() -> {
          assertThat(database.migrationsApplied()).isEqualTo(migrations());
          assertThat(database.describe())
              .startsWith("jdbc:mariadb://127.0.0.1:")
              .contains("embedded MariaDB 11.4", dataDir.toString());
          assertThat((String) results.get(0)).startsWith(Database.WORKER_POOL);
          assertThat((String) results.get(1)).isEqualTo("ok");
          test.completeNow();
        })));
  }

  @Test
  void aSecondStartOnTheSameDataDirectoryReusesTheDataWithoutMigratingAgain(Vertx vertx) {
    dataDir = TestDataDirs.fresh("restart");
    DatabaseSettings settings = DatabaseSettings.embedded(dataDir);

    assertThat(Database.migrate(settings)).isEqualTo(migrations());

    try (Database first = Database.open(vertx, settings)) {
      assertThat(first.migrationsApplied()).isZero();
      await(first.query(EmbeddedDatabaseIT::insertOneAnsweredCall));
    }

    database = Database.open(vertx, settings);
    assertThat(database.migrationsApplied()).isZero();
    assertThat(await(database.query(EmbeddedDatabaseIT::readBack))).isEqualTo("ok");
    int historyRows = await(database.query(dsl -> dsl.fetchCount(DSL.table(DSL.name("flyway_schema_history")))));
    assertThat(historyRows).isEqualTo(migrations());
    await(database.ping());
  }

  @Test
  void aDataDirectoryUnderTheTempDirectoryIsRefusedBecauseMariaDb4jWouldWipeIt(Vertx vertx) {
    Path underTmp = Path.of(System.getProperty("java.io.tmpdir"), "switchboard-it-data");

    DatabaseUnavailableException failure = catchThrowableOfType(DatabaseUnavailableException.class,
        () -> Database.open(vertx, DatabaseSettings.embedded(underTmp)));

    assertThat(failure.errorId()).isEqualTo("database-embedded-start-failed");
    assertThat(failure.getMessage()).contains(underTmp.toString(), "java.io.tmpdir", "Tried:");
  }

  private static String insertOneAnsweredCall(DSLContext dsl) {
    dsl.transaction(tx -> {
      DSLContext inTx = tx.dsl();
      inTx.executeInsert(agent("a1", "Alice Agent"));
      inTx.executeInsert(skill("billing"));
      inTx.executeInsert(proficiency("a1", "billing", 7));
      inTx.executeInsert(inboundCall("c1", "a1"));
      inTx.executeInsert(leg("c1", 1, "caller", null));
      inTx.executeInsert(leg("c1", 2, "agent", "a1"));
      inTx.executeInsert(connect("c1", "a1"));
      inTx.executeInsert(audit("admin", "agent.created"));
    });
    return Thread.currentThread().getName();
  }

  /** Reads everything {@link #insertOneAnsweredCall} wrote and compares it field by field. */
  private static String readBack(DSLContext dsl) {
    assertThat(dsl.selectFrom(AGENTS).where(AGENTS.ID.eq("a1")).fetchOne()).isEqualTo(agent("a1", "Alice Agent"));
    assertThat(dsl.select(AGENT_SKILLS.PROFICIENCY).from(AGENT_SKILLS)
        .where(AGENT_SKILLS.AGENT_ID.eq("a1"), AGENT_SKILLS.SKILL_ID.eq("billing")).fetchOne().value1())
        .isEqualTo((byte) 7);

    CallsRecord call = dsl.selectFrom(CALLS).where(CALLS.ID.eq("c1")).fetchOne();
    assertThat(call).isEqualTo(inboundCall("c1", "a1"));
    assertThat(call.getAnsweredAt()).isEqualTo(Rows.T0.plusSeconds(12));

    List<CallLegsRecord> legs = dsl.selectFrom(CALL_LEGS).where(CALL_LEGS.CALL_ID.eq("c1"))
        .orderBy(CALL_LEGS.SEQ).fetch();
    assertThat(legs).containsExactly(leg("c1", 1, "caller", null), leg("c1", 2, "agent", "a1"));

    QueueLogRecord queueLog = dsl.selectFrom(QUEUE_LOG).where(QUEUE_LOG.CALLID.eq("c1")).fetchOne();
    assertThat(queueLog.getId()).isPositive();
    assertThat(queueLog.into(QUEUE_LOG.TIME, QUEUE_LOG.QUEUENAME, QUEUE_LOG.AGENT, QUEUE_LOG.EVENT,
            QUEUE_LOG.DATA, QUEUE_LOG.DATA1, QUEUE_LOG.DATA2, QUEUE_LOG.DATA3))
        .isEqualTo(connect("c1", "a1").into(QUEUE_LOG.TIME, QUEUE_LOG.QUEUENAME, QUEUE_LOG.AGENT,
            QUEUE_LOG.EVENT, QUEUE_LOG.DATA, QUEUE_LOG.DATA1, QUEUE_LOG.DATA2, QUEUE_LOG.DATA3));

    AuditLogRecord audit = dsl.selectFrom(AUDIT_LOG).fetchOne();
    assertThat(audit.getActor()).isEqualTo("admin");
    assertThat(audit.getOccurredAt()).isEqualTo(Rows.T0);
    assertThat(audit.getDetails().data()).contains("\"billing\": 7");
    return "ok";
  }

  private static <T> T await(io.vertx.core.Future<T> future) {
    try {
      return future.await(30, TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("database call did not finish within 30 s", e);
    }
  }

  /** One per script in db/migration, so a new migration does not break these tests. */
  private static int migrations() {
    try (Stream<Path> scripts = Files.list(Path.of("src/main/resources/db/migration"))) {
      return (int) scripts.filter(script -> script.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
