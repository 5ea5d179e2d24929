package io.switchboard.server.http;

import io.switchboard.core.agent.Agent;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** An agent as the REST API shows it; the schema is {@code Agent} in the OpenAPI document. */
final class AgentJson {

  private AgentJson() {}

  static JsonObject of(Agent agent) {
    JsonArray skills = new JsonArray();
    agent.skills().forEach(s -> skills.add(new JsonObject().put("skill", s.name()).put("proficiency", s.proficiency())));
    JsonArray queues = new JsonArray();
    agent.memberships().forEach(m -> queues.add(new JsonObject().put("queue", m.queue().value()).put("penalty", m.penalty())));
    return new JsonObject()
        .put("id", agent.id().value())
        .put("displayName", agent.displayName())
        .put("device", agent.device().orElse(null))
        .put("skills", skills)
        .put("queues", queues);
  }
}
