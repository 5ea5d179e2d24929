package io.switchboard.server.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgentRequestTest {

  private static JsonObject alice() {
    return new JsonObject().put("id", "a1").put("displayName", "Alice")
        .put("skills", new JsonArray().add(new JsonObject().put("skill", "billing").put("proficiency", 7)));
  }

  private static String invalidField(JsonObject body) {
    return ((AgentRequest.Invalid) AgentRequest.parse(body)).field();
  }

  @Test
  void a_complete_agent_is_valid_and_enabled_by_default() {
    assertThat(AgentRequest.parse(alice())).isEqualTo(new AgentRequest.Valid(
        new Agent("a1", "Alice", null, true, List.of(new Skill("billing", 7)))));
  }

  @Test
  void each_rejection_names_its_field() {
    assertThat(invalidField(alice().put("id", "has space"))).isEqualTo("id");
    assertThat(invalidField(alice().put("displayName", " "))).isEqualTo("displayName");
    assertThat(invalidField(alice().put("enabled", "yes"))).isEqualTo("enabled");
    assertThat(invalidField(alice().put("nickname", "Al"))).isEqualTo("nickname");
    assertThat(invalidField(alice().put("skills", new JsonArray().add(new JsonObject().put("skill", "billing")))))
        .isEqualTo("skills[0].proficiency");
    assertThat(invalidField(alice().put("skills", new JsonArray()
        .add(new JsonObject().put("skill", "billing").put("proficiency", 1))
        .add(new JsonObject().put("skill", "billing").put("proficiency", 2))))).isEqualTo("skills[1].skill");
  }
}
