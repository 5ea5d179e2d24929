package io.switchboard.server.agent;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * An agent as the REST API shows it.
 *
 * @param device the PBX endpoint the agent's calls ring (e.g. {@code PJSIP/1001}); may be null
 */
public record Agent(String id, String displayName, String device, boolean enabled, List<Skill> skills) {

  public Agent {
    skills = List.copyOf(skills);
  }

  public JsonObject toJson() {
    JsonArray skillList = new JsonArray();
    skills.forEach(s -> skillList.add(new JsonObject().put("skill", s.skill()).put("proficiency", s.proficiency())));
    return new JsonObject()
        .put("id", id)
        .put("displayName", displayName)
        .put("device", device)
        .put("enabled", enabled)
        .put("skills", skillList);
  }
}
