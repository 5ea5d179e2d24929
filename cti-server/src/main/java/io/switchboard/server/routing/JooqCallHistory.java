package io.switchboard.server.routing;

import static io.switchboard.server.persistence.jooq.Tables.CALLS;
import static io.switchboard.server.persistence.jooq.Tables.CALL_LEGS;
import static io.switchboard.server.persistence.jooq.Tables.QUEUE_LOG;

import io.switchboard.server.persistence.Database;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.impl.DSL;

/** Reads what {@link JooqRoutingJournal} wrote, for {@code /api/v1/calls} and {@code /api/v1/queue-log}. */
public final class JooqCallHistory {

  /** The most queue_log rows one request returns. */
  public static final int MAX_ROWS = 500;

  private final Database database;

  public JooqCallHistory(Database database) {
    this.database = database;
  }

  /** The call with its legs (by sequence) and its queue_log rows (in order), or empty when there is none. */
  public Future<Optional<JsonObject>> call(String id) {
    return database.query(dsl -> dsl.selectFrom(CALLS).where(CALLS.ID.eq(id)).fetchOptional().map(call -> {
      JsonArray legs = new JsonArray();
      dsl.selectFrom(CALL_LEGS).where(CALL_LEGS.CALL_ID.eq(id)).orderBy(CALL_LEGS.SEQ).forEach(leg -> legs.add(
          new JsonObject().put("id", leg.getId()).put("seq", leg.getSeq()).put("role", leg.getRole())
              .put("agentId", leg.getAgentId()).put("endpoint", leg.getEndpoint())
              .put("createdAt", text(leg.getCreatedAt())).put("answeredAt", text(leg.getAnsweredAt()))
              .put("endedAt", text(leg.getEndedAt())).put("endReason", leg.getEndReason())));
      return new JsonObject().put("id", call.getId()).put("direction", call.getDirection())
          .put("pbx", call.getPbxId()).put("queueId", call.getQueueId()).put("agentId", call.getAgentId())
          .put("startedAt", text(call.getStartedAt())).put("answeredAt", text(call.getAnsweredAt()))
          .put("endedAt", text(call.getEndedAt())).put("endReason", call.getEndReason())
          .put("callbackOutcome", call.getCallbackOutcome()).put("callbackAttempts", call.getCallbackAttempts())
          .put("legs", legs).put("queueLog", rows(dsl, QUEUE_LOG.CALLID.eq(id)));
    }));
  }

  /** queue_log rows of one call or one queue, oldest first, at most {@value #MAX_ROWS}. */
  public Future<JsonArray> queueLog(Optional<String> callId, Optional<String> queue) {
    Condition where = DSL.and(callId.map(QUEUE_LOG.CALLID::eq).orElse(DSL.noCondition()),
        queue.map(QUEUE_LOG.QUEUENAME::eq).orElse(DSL.noCondition()));
    return database.query(dsl -> rows(dsl, where));
  }

  private static JsonArray rows(org.jooq.DSLContext dsl, Condition where) {
    JsonArray rows = new JsonArray();
    dsl.selectFrom(QUEUE_LOG).where(where).orderBy(QUEUE_LOG.ID).limit(MAX_ROWS).forEach(row -> rows.add(
        new JsonObject().put("time", text(row.getTime())).put("callid", row.getCallid())
            .put("queuename", row.getQueuename()).put("agent", row.getAgent()).put("event", row.getEvent())
            .put("data1", row.getData1()).put("data2", row.getData2()).put("data3", row.getData3())
            .put("data4", row.getData4()).put("data5", row.getData5())));
    return rows;
  }

  private static String text(Instant at) {
    return at == null ? null : at.toString();
  }
}
