package io.switchboard.server.monitor;

import static io.switchboard.server.persistence.jooq.Tables.CALLS;
import static io.switchboard.server.persistence.jooq.Tables.CALL_LEGS;

import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CallId;
import io.switchboard.server.persistence.Database;
import io.vertx.core.Future;
import java.util.Optional;

/**
 * The call an agent talks on now, from the call records the routing journal writes: the newest agent leg of
 * the agent that was answered and has not ended, on a call that has not ended. Runs on the database pool.
 */
public final class JooqAgentCalls {

  private final Database database;

  public JooqAgentCalls(Database database) {
    this.database = database;
  }

  /** The agent's live call, or empty. */
  public Future<Optional<CallId>> liveCall(AgentId agent) {
    return database.query(dsl -> dsl.select(CALL_LEGS.CALL_ID).from(CALL_LEGS).join(CALLS)
        .on(CALLS.ID.eq(CALL_LEGS.CALL_ID))
        .where(CALL_LEGS.AGENT_ID.eq(agent.value()), CALL_LEGS.ROLE.eq("agent"), CALL_LEGS.ANSWERED_AT.isNotNull(),
            CALL_LEGS.ENDED_AT.isNull(), CALLS.ENDED_AT.isNull())
        .orderBy(CALL_LEGS.CREATED_AT.desc()).limit(1).fetchOptional(CALL_LEGS.CALL_ID).map(CallId::of));
  }
}
