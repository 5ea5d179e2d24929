package io.switchboard.server.queue;

import io.switchboard.queue.selection.PreferredAgentRule;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Set;

/**
 * A queue's {@code preferredAgent} object, read and written: whether callers go first to the owner of their CRM
 * record or to the agent who last spoke to them, for how many seconds after they entered the queue, and how long the
 * first decision waits for the CRMs. Every field is optional; an absent
 * object means no preference.
 */
public final class PreferredAgentFields {

  /** The queue body's field that holds these settings. */
  public static final String FIELD = "preferredAgent";

  private static final Set<String> FIELDS = Set.of("lastAgent", "timeoutSeconds", "accountOwner",
      "accountOwnerWaitMillis");
  /** The longest a queue may hold a call's first decision for the CRMs. */
  static final int MAX_OWNER_WAIT_MILLIS = 5000;

  private PreferredAgentFields() {}

  /** The rule in {@code queue}'s {@code preferredAgent}, or {@link PreferredAgentRule#OFF} without one. */
  static PreferredAgentRule read(JsonFields queue) {
    JsonFields fields = new JsonFields(queue.object(FIELD), queue.at(FIELD), FIELDS);
    int timeout = fields.integer("timeoutSeconds", 1, JsonFields.MAX_SECONDS,
        (int) PreferredAgentRule.DEFAULT_TIMEOUT.toSeconds());
    int ownerWait = fields.integer("accountOwnerWaitMillis", 100, MAX_OWNER_WAIT_MILLIS,
        (int) PreferredAgentRule.DEFAULT_OWNER_WAIT.toMillis());
    return new PreferredAgentRule(fields.bool("lastAgent"), Duration.ofSeconds(timeout),
        fields.bool("accountOwner", false), Duration.ofMillis(ownerWait));
  }

  /** The rule as the API shows it. */
  public static JsonObject json(PreferredAgentRule rule) {
    return new JsonObject().put("lastAgent", rule.lastAgent()).put("timeoutSeconds", rule.timeout().toSeconds())
        .put("accountOwner", rule.accountOwner()).put("accountOwnerWaitMillis", rule.ownerWait().toMillis());
  }
}
