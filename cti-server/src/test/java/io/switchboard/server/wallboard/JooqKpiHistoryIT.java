package io.switchboard.server.wallboard;

import static io.switchboard.server.persistence.jooq.Tables.KPI_QUEUE_INTERVALS;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.server.persistence.Database;
import io.switchboard.server.persistence.DatabaseSettings;
import io.switchboard.server.persistence.TestDataDirs;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The day's chart rows from {@code kpi_queue_intervals} on a real, migrated MariaDB. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class JooqKpiHistoryIT {

  private static final Instant NINE = Instant.parse("2026-11-24T09:00:00Z");
  private static final Instant LATER = NINE.plus(Duration.ofDays(1));

  private static Vertx vertx;
  private static Path dataDir;
  private static Database database;

  @BeforeAll
  static void migratedDatabaseWithThreeIntervals() {
    vertx = Vertx.vertx();
    dataDir = TestDataDirs.fresh("kpi-history");
    database = Database.open(vertx, DatabaseSettings.embedded(dataDir));
    database.query(dsl -> {
      row(dsl, "support", NINE, 10, 8, 6, 1, 96_000);
      row(dsl, "sales", NINE, 0, 0, 0, 0, 0);
      row(dsl, "support", NINE.plus(Duration.ofMinutes(15)), 4, 4, 4, 0, 20_000);
      row(dsl, "support", NINE.minus(Duration.ofDays(1)), 1, 1, 1, 0, 1_000);
      return null;
    }).await();
  }

  private static void row(org.jooq.DSLContext dsl, String queue, Instant start, int offered, int answered,
      int within, int abandoned, long waitMs) {
    dsl.insertInto(KPI_QUEUE_INTERVALS).set(KPI_QUEUE_INTERVALS.QUEUE_ID, queue)
        .set(KPI_QUEUE_INTERVALS.INTERVAL_START, start).set(KPI_QUEUE_INTERVALS.OFFERED, offered)
        .set(KPI_QUEUE_INTERVALS.ANSWERED, answered).set(KPI_QUEUE_INTERVALS.ANSWERED_WITHIN_THRESHOLD, within)
        .set(KPI_QUEUE_INTERVALS.ABANDONED, abandoned).set(KPI_QUEUE_INTERVALS.ANSWER_WAIT_MS, waitMs)
        .set(KPI_QUEUE_INTERVALS.WRITTEN_AT, start.plus(Duration.ofMinutes(16))).execute();
  }

  @AfterAll
  static void stop() {
    database.close();
    vertx.close().await();
    TestDataDirs.delete(dataDir);
  }

  @Test
  void the_intervals_of_the_period_come_oldest_first_with_their_ratios_worked_out() {
    JsonArray rows = new JooqKpiHistory(database).intervals(NINE, NINE.plus(Duration.ofHours(1)), Optional.empty(),
        LATER).await();

    assertThat(rows).extracting(r -> ((JsonObject) r).getString("queue") + "@" + ((JsonObject) r).getString("start"))
        .containsExactly("sales@2026-11-24T09:00:00Z", "support@2026-11-24T09:00:00Z",
            "support@2026-11-24T09:15:00Z");
    JsonObject support = rows.getJsonObject(1);
    assertThat(support.getInteger("offered")).isEqualTo(10);
    assertThat(support.getDouble("serviceLevel")).isEqualTo(6.0 / 9);
    assertThat(support.getDouble("abandonmentRate")).isEqualTo(1.0 / 9);
    assertThat(support.getDouble("averageSpeedOfAnswerSeconds")).isEqualTo(12.0);
    assertThat(rows.getJsonObject(0).getValue("serviceLevel")).as("nothing to judge: null, not 0").isNull();
  }

  @Test
  void one_queue_and_a_period_that_ends_before_an_interval_starts() {
    JsonArray rows = new JooqKpiHistory(database).intervals(NINE, NINE.plus(Duration.ofMinutes(15)),
        Optional.of("support"), LATER).await();

    assertThat(rows).extracting(r -> ((JsonObject) r).getString("start")).containsExactly("2026-11-24T09:00:00Z");
  }

  @Test
  void the_open_interval_s_running_row_is_left_to_the_live_tiles() {
    JsonArray rows = new JooqKpiHistory(database).intervals(NINE, NINE.plus(Duration.ofHours(1)), Optional.empty(),
        NINE.plus(Duration.ofMinutes(29))).await();

    assertThat(rows).extracting(r -> ((JsonObject) r).getString("start")).containsOnly("2026-11-24T09:00:00Z");
  }
}
