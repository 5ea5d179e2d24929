package io.switchboard.server.routing;

import static io.switchboard.server.persistence.jooq.Tables.QUEUE_PREFERRED_AGENT;

import io.switchboard.queue.selection.PreferredAgentRule;
import java.time.Duration;
import org.jooq.DSLContext;

/** The V6 (V22: account owner) row of a queue's preferred-agent rule; none means {@link PreferredAgentRule#OFF}. */
final class PreferredAgentRows {

  private PreferredAgentRows() {}

  /** The rule of queue {@code id}. */
  static PreferredAgentRule read(DSLContext dsl, String id) {
    return dsl.selectFrom(QUEUE_PREFERRED_AGENT).where(QUEUE_PREFERRED_AGENT.QUEUE_ID.eq(id)).fetchOptional()
        .map(r -> new PreferredAgentRule(r.getLastAgent(), Duration.ofSeconds(r.getTimeoutSeconds()),
            r.getAccountOwner(), Duration.ofMillis(r.getAccountOwnerWaitMs())))
        .orElse(PreferredAgentRule.OFF);
  }

  /** Replaces the rule of queue {@code id}; the default rule is stored as no row. */
  static void write(DSLContext dsl, String id, PreferredAgentRule rule) {
    dsl.deleteFrom(QUEUE_PREFERRED_AGENT).where(QUEUE_PREFERRED_AGENT.QUEUE_ID.eq(id)).execute();
    if (rule.equals(PreferredAgentRule.OFF)) {
      return;
    }
    dsl.insertInto(QUEUE_PREFERRED_AGENT).set(QUEUE_PREFERRED_AGENT.QUEUE_ID, id)
        .set(QUEUE_PREFERRED_AGENT.LAST_AGENT, rule.lastAgent())
        .set(QUEUE_PREFERRED_AGENT.TIMEOUT_SECONDS, (int) rule.timeout().toSeconds())
        .set(QUEUE_PREFERRED_AGENT.ACCOUNT_OWNER, rule.accountOwner())
        .set(QUEUE_PREFERRED_AGENT.ACCOUNT_OWNER_WAIT_MS, (int) rule.ownerWait().toMillis()).execute();
  }
}
