package io.switchboard.server.crm;

import static io.switchboard.server.persistence.jooq.Tables.AGENTS;
import static io.switchboard.server.persistence.jooq.Tables.AGENT_CRM_USERS;

import io.switchboard.core.id.AgentId;
import io.switchboard.server.persistence.Database;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.jooq.DSLContext;

/**
 * Agents' CRM user ids in {@code agent_crm_users} (V17), on the database worker pool: who the agent is in each
 * CRM (for Zendesk's server-side pop) and, the other way round, which agent a CRM record's owner is.
 */
public final class JooqAgentCrmUsers implements AgentCrmUsers {

  /** The CRM names an agent may have a user id in. */
  public static final Set<String> CRMS = Set.of("salesforce", "hubspot", "zendesk");

  private final Database database;

  public JooqAgentCrmUsers(Database database) {
    this.database = database;
  }

  @Override
  public CompletionStage<Map<String, String>> of(AgentId agent) {
    return database.query(dsl -> dsl.select(AGENT_CRM_USERS.CRM, AGENT_CRM_USERS.CRM_USER_ID).from(AGENT_CRM_USERS)
        .where(AGENT_CRM_USERS.AGENT_ID.eq(agent.value()))
        .fetchMap(AGENT_CRM_USERS.CRM, AGENT_CRM_USERS.CRM_USER_ID)).toCompletionStage();
  }

  /** What a replacement of an agent's CRM user ids came to. */
  public enum SetOutcome {
    /** The agent's user ids are now the ones given. */
    SAVED,
    /** No agent has the id; nothing changed. */
    AGENT_NOT_FOUND,
    /** Another agent has one of the user ids in that CRM; nothing changed. */
    USER_TAKEN
  }

  /** Replaces the agent's user ids with {@code users} (CRM name to user id), in one transaction. */
  public CompletionStage<SetOutcome> set(AgentId agent, Map<String, String> users) {
    return database.query(dsl -> dsl.transactionResult(tx -> {
      DSLContext db = tx.dsl();
      if (!db.fetchExists(AGENTS, AGENTS.ID.eq(agent.value()))) {
        return SetOutcome.AGENT_NOT_FOUND;
      }
      for (Map.Entry<String, String> user : users.entrySet()) {
        if (db.fetchExists(AGENT_CRM_USERS, AGENT_CRM_USERS.CRM.eq(user.getKey()),
            AGENT_CRM_USERS.CRM_USER_ID.eq(user.getValue()), AGENT_CRM_USERS.AGENT_ID.ne(agent.value()))) {
          return SetOutcome.USER_TAKEN;
        }
      }
      db.deleteFrom(AGENT_CRM_USERS).where(AGENT_CRM_USERS.AGENT_ID.eq(agent.value())).execute();
      users.forEach((crm, user) -> db.insertInto(AGENT_CRM_USERS).set(AGENT_CRM_USERS.AGENT_ID, agent.value())
          .set(AGENT_CRM_USERS.CRM, crm).set(AGENT_CRM_USERS.CRM_USER_ID, user).execute());
      return SetOutcome.SAVED;
    })).toCompletionStage();
  }

  /** The agent who is {@code userId} in {@code crm}, if any. */
  public CompletionStage<Optional<AgentId>> agentFor(String crm, String userId) {
    return database.query(dsl -> dsl.select(AGENT_CRM_USERS.AGENT_ID).from(AGENT_CRM_USERS)
        .where(AGENT_CRM_USERS.CRM.eq(crm), AGENT_CRM_USERS.CRM_USER_ID.eq(userId))
        .fetchOptional(AGENT_CRM_USERS.AGENT_ID).map(AgentId::of)).toCompletionStage();
  }
}
