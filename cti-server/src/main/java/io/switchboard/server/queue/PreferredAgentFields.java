package io.switchboard.server.queue;

import io.switchboard.queue.selection.PreferredAgentRule;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Set;

/**
 * A queue's {@code preferredAgent} object, read and written: whether callers go first to the agent who last
 * spoke to them, and for how many seconds after they entered the queue. Every field is optional; an absent
 * object means no preference.
 */
public final class PreferredAgentFields {

  /** The queue body's field that holds these settings. */
  public static final String FIELD = "preferredAgent";

  private static final Set<String> FIELDS = Set.of("lastAgent", "timeoutSeconds");

  private PreferredAgentFields() {}

  /** The rule in {@code queue}'s {@code preferredAgent}, or {@link PreferredAgentRule#OFF} without one. */
  static PreferredAgentRule read(JsonFields queue) {
    JsonFields fields = new JsonFields(queue.object(FIELD), queue.at(FIELD), FIELDS);
    int timeout = fields.integer("timeoutSeconds", 1, JsonFields.MAX_SECONDS,
        (int) PreferredAgentRule.DEFAULT_TIMEOUT.toSeconds());
    return new PreferredAgentRule(fields.bool("lastAgent"), Duration.ofSeconds(timeout));
  }

  /** The rule as the API shows it. */
  public static JsonObject json(PreferredAgentRule rule) {
    return new JsonObject().put("lastAgent", rule.lastAgent()).put("timeoutSeconds", rule.timeout().toSeconds());
  }
}
