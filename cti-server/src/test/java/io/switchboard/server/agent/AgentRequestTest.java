package io.switchboard.server.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.agent.Agent;
import io.switchboard.core.agent.Skill;
import io.switchboard.core.id.AgentId;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;
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
  void a_complete_agent_becomes_a_core_agent_with_one_voice_slot() {
    assertThat(AgentRequest.parse(alice())).isEqualTo(new AgentRequest.Valid(new Agent(AgentId.of("a1"), "Alice",
        List.of(Skill.of("billing", 7)), List.of(), Agent.VOICE_ONLY, Optional.empty())));
  }

  @Test
  void a_proficiency_outside_one_to_ten_is_refused_with_the_core_message() {
    AgentRequest.Invalid invalid = (AgentRequest.Invalid) AgentRequest.parse(alice().put("skills",
        new JsonArray().add(new JsonObject().put("skill", "billing").put("proficiency", 11))));

    assertThat(invalid.field()).isEqualTo("skills[0].proficiency");
    assertThat(invalid.reason()).contains("proficiency").contains("1").contains("10");
  }

  @Test
  void each_rejection_names_its_field() {
    assertThat(invalidField(alice().put("id", "has space"))).isEqualTo("id");
    assertThat(invalidField(alice().put("displayName", " "))).isEqualTo("displayName");
    assertThat(invalidField(alice().put("enabled", "yes"))).isEqualTo("enabled");
    assertThat(invalidField(alice().put("device", 42))).isEqualTo("device");
    assertThat(invalidField(alice().put("nickname", "Al"))).isEqualTo("nickname");
    assertThat(invalidField(alice().put("skills", new JsonArray().add(new JsonObject().put("skill", "billing")))))
        .isEqualTo("skills[0].proficiency");
    assertThat(invalidField(alice().put("skills", new JsonArray()
        .add(new JsonObject().put("skill", "billing").put("proficiency", 1))
        .add(new JsonObject().put("skill", "billing").put("proficiency", 2))))).isEqualTo("skills");
  }

  @Test
  void an_agent_cannot_name_queues_so_no_agent_is_created_in_an_unknown_one() {
    assertThat(invalidField(alice().put("queues", new JsonArray().add(new JsonObject().put("queue", "nowhere")
        .put("penalty", 0))))).isEqualTo("queues");
  }
}
