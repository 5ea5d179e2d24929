package io.switchboard.server.wallboard;

import static io.switchboard.server.persistence.jooq.Tables.KPI_QUEUE_INTERVALS;

import io.switchboard.queue.kpi.IntervalRow;
import io.switchboard.server.persistence.Database;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.impl.DSL;

/**
 * The day's charts: the closed 15-minute intervals of {@code kpi_queue_intervals} between two instants, oldest
 * first, with each interval's ratios worked out from its sums (null when nothing counts). The open interval's row,
 * which the history writer keeps up to date every minute, is left out: the live tiles carry it. Runs on the database
 * pool.
 */
final class JooqKpiHistory {

  /** The most rows one request returns: 31 days of one queue, or a day of 30 queues. */
  static final int MAX_ROWS = 3000;

  private final Database database;

  JooqKpiHistory(Database database) {
    this.database = database;
  }

  /** The intervals starting from {@code from} to before {@code to} that had ended by {@code now}. */
  Future<JsonArray> intervals(Instant from, Instant to, Optional<String> queue, Instant now) {
    Condition where = DSL.and(KPI_QUEUE_INTERVALS.INTERVAL_START.ge(from), KPI_QUEUE_INTERVALS.INTERVAL_START.lt(to),
        KPI_QUEUE_INTERVALS.INTERVAL_START.le(now.minus(IntervalRow.LENGTH)),
        queue.map(KPI_QUEUE_INTERVALS.QUEUE_ID::eq).orElse(DSL.noCondition()));
    return database.query(dsl -> {
      JsonArray rows = new JsonArray();
      dsl.selectFrom(KPI_QUEUE_INTERVALS).where(where)
          .orderBy(KPI_QUEUE_INTERVALS.INTERVAL_START, KPI_QUEUE_INTERVALS.QUEUE_ID).limit(MAX_ROWS)
          .forEach(r -> {
            int judged = r.getAnswered() + r.getAbandoned();
            rows.add(new JsonObject().put("queue", r.getQueueId()).put("start", r.getIntervalStart().toString())
                .put("seconds", r.getIntervalSeconds()).put("offered", r.getOffered()).put("answered", r.getAnswered())
                .put("answeredWithinThreshold", r.getAnsweredWithinThreshold()).put("abandoned", r.getAbandoned())
                .put("shortAbandons", r.getShortAbandons()).put("handled", r.getHandled())
                .put("serviceLevel", judged == 0 ? null : (double) r.getAnsweredWithinThreshold() / judged)
                .put("abandonmentRate", judged == 0 ? null : (double) r.getAbandoned() / judged)
                .put("averageSpeedOfAnswerSeconds", r.getAnswered() == 0 ? null
                    : r.getAnswerWaitMs() / 1000.0 / r.getAnswered()));
          });
      return rows;
    });
  }
}
