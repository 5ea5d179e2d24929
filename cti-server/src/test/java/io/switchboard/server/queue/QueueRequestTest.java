package io.switchboard.server.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.id.AgentId;
import io.switchboard.core.routing.AgentTarget;
import io.switchboard.core.routing.RoutingStrategy;
import io.switchboard.core.routing.SkillRequirement;
import io.switchboard.core.routing.WorkflowStep;
import io.switchboard.queue.selection.AgentScope;
import io.switchboard.queue.selection.QueueSetup;
import io.switchboard.server.queue.QueueDefinition.Kind;
import io.switchboard.server.queue.QueueDefinition.Reference;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QueueRequestTest {

  private static JsonObject billing() {
    return new JsonObject().put("id", "billing").put("name", "Billing").put("strategy", "ring-progressively")
        .put("requiredSkills", new JsonArray().add(skill("billing", 5)))
        .put("wrapUpSeconds", 30).put("maxLength", 20).put("maxWaitSeconds", 600)
        .put("reservationTimeoutSeconds", 12).put("serviceLevelSeconds", 30).put("ringIntervalSeconds", 4)
        .put("memberOrder", new JsonArray().add("bob").add("ada"))
        .put("members", new JsonArray().add("ada").add("bob"))
        .put("workflow", new JsonArray()
            .add(new JsonObject().put("timeoutSeconds", 30).put("priority", 1).put("skipWhenNoneAvailable", true)
                .put("target", new JsonObject().put("minimumSkills", new JsonArray().add(skill("billing", 8)))
                    .put("agents", new JsonArray().add("ada"))))
            .add(new JsonObject().put("priority", 2)));
  }

  private static JsonObject skill(String name, int level) {
    return new JsonObject().put("skill", name).put("minimumLevel", level);
  }

  private static QueueDefinition valid(JsonObject body) {
    QueueRequest.Parsed parsed = QueueRequest.create(body);
    assertThat(parsed).isInstanceOf(QueueRequest.Valid.class);
    return ((QueueRequest.Valid) parsed).queue();
  }

  private static QueueRequest.Invalid invalid(JsonObject body) {
    QueueRequest.Parsed parsed = QueueRequest.create(body);
    assertThat(parsed).isInstanceOf(QueueRequest.Invalid.class);
    return (QueueRequest.Invalid) parsed;
  }

  @Test
  void a_full_body_becomes_the_setup_the_router_uses() {
    QueueDefinition queue = valid(billing());
    QueueSetup setup = queue.setup();

    assertThat(setup.queue().strategy()).isEqualTo(RoutingStrategy.RING_PROGRESSIVELY);
    assertThat(setup.queue().requiredSkills()).containsExactly(SkillRequirement.of("billing", 5));
    assertThat(setup.queue().wrapUp()).isEqualTo(Duration.ofSeconds(30));
    assertThat(setup.queue().maxLength()).isEqualTo(20);
    assertThat(setup.queue().maxWait()).isEqualTo(Duration.ofSeconds(600));
    assertThat(setup.queue().reservationTimeout()).isEqualTo(Duration.ofSeconds(12));
    assertThat(setup.ringInterval()).isEqualTo(Duration.ofSeconds(4));
    assertThat(setup.memberOrder()).containsExactly(AgentId.of("bob"), AgentId.of("ada"));
    assertThat(setup.workflow().steps()).containsExactly(
        new WorkflowStep(setup.queue().id(), 1, Duration.ofSeconds(30),
            new AgentTarget(List.of(SkillRequirement.of("billing", 8)), Set.of(AgentId.of("ada"))), true),
        new WorkflowStep(setup.queue().id(), 2, Duration.ZERO));
    assertThat(queue.serviceLevelSeconds()).isEqualTo(30);
    assertThat(queue.members()).containsExactly(AgentId.of("ada"), AgentId.of("bob"));
  }

  @Test
  void a_queue_offers_its_callers_to_agents_on_their_own_pbx_unless_its_agent_scope_is_any() {
    assertThat(valid(billing()).setup().agentScope()).isEqualTo(AgentScope.LOCAL);
    assertThat(valid(billing().put("agentScope", "any")).setup().agentScope()).isEqualTo(AgentScope.ANY);
    assertThat(invalid(billing().put("agentScope", "ANY")).field()).isEqualTo("agentScope");
    assertThat(invalid(billing().put("agentScope", "global")).reason()).contains("local", "any");
  }

  @Test
  void every_skill_and_agent_named_is_kept_with_its_field_for_the_stores_check() {
    assertThat(valid(billing()).references()).contains(
        new Reference(Kind.SKILL, "requiredSkills[0].skill", "billing"),
        new Reference(Kind.SKILL, "workflow[0].target.minimumSkills[0].skill", "billing"),
        new Reference(Kind.AGENT, "workflow[0].target.agents[0]", "ada"),
        new Reference(Kind.AGENT, "memberOrder[0]", "bob"),
        new Reference(Kind.AGENT, "members[1]", "bob"));
  }

  @Test
  void a_bare_id_is_a_longest_idle_queue_whose_tasks_wait_for_any_member() {
    QueueDefinition queue = valid(new JsonObject().put("id", "sales"));

    assertThat(queue.setup()).isEqualTo(QueueSetup.of(queue.setup().queue()));
    assertThat(queue.setup().queue().strategy()).isEqualTo(RoutingStrategy.LONGEST_IDLE);
    assertThat(queue.setup().queue().name()).isEqualTo("sales");
    assertThat(queue.setup().queue().reservationTimeout()).isEqualTo(Duration.ofSeconds(15));
  }

  @Test
  void strategies_are_read_in_kebab_or_snake_case() {
    assertThat(valid(new JsonObject().put("id", "q").put("strategy", "round-robin-memory")).setup().queue().strategy())
        .isEqualTo(RoutingStrategy.ROUND_ROBIN_MEMORY);
    assertThat(valid(new JsonObject().put("id", "q").put("strategy", "weighted_random")).setup().queue().strategy())
        .isEqualTo(RoutingStrategy.WEIGHTED_RANDOM);
  }

  @Test
  void the_legacy_ring_timeout_field_still_sets_the_reservation_timeout() {
    assertThat(valid(new JsonObject().put("id", "q").put("ringTimeoutSeconds", 5)).setup().queue()
        .reservationTimeout()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void an_unknown_strategy_is_refused_with_the_list_of_valid_ones() {
    QueueRequest.Invalid invalid = invalid(billing().put("strategy", "ringall"));

    assertThat(invalid.field()).isEqualTo("strategy");
    assertThat(invalid.reason()).contains("ring-all", "longest-idle", "round-robin-memory", "ring-progressively");
  }

  @Test
  void the_service_level_target_is_eighty_percent_unless_given() {
    assertThat(valid(billing()).serviceLevelTargetPercent()).isEqualTo(80);
    assertThat(valid(billing().put("serviceLevelTargetPercent", 95)).serviceLevelTargetPercent()).isEqualTo(95);
    assertThat(valid(billing().put("serviceLevelTargetPercent", 100)).serviceLevelTargetPercent()).isEqualTo(100);
  }

  @Test
  void a_service_level_target_outside_1_to_100_percent_is_refused_naming_the_field() {
    assertThat(invalid(billing().put("serviceLevelTargetPercent", 0)).field()).isEqualTo("serviceLevelTargetPercent");
    assertThat(invalid(billing().put("serviceLevelTargetPercent", 101)).field())
        .isEqualTo("serviceLevelTargetPercent");
    assertThat(invalid(billing().put("serviceLevelTargetPercent", "80%")).field())
        .isEqualTo("serviceLevelTargetPercent");
  }

  @Test
  void a_negative_timer_is_refused_naming_the_field() {
    assertThat(invalid(billing().put("wrapUpSeconds", -1)).field()).isEqualTo("wrapUpSeconds");
    assertThat(invalid(billing().put("maxWaitSeconds", -5)).field()).isEqualTo("maxWaitSeconds");
    assertThat(invalid(billing().put("reservationTimeoutSeconds", 0)).field()).isEqualTo("reservationTimeoutSeconds");
    JsonObject negativeStep = billing();
    negativeStep.getJsonArray("workflow").getJsonObject(0).put("timeoutSeconds", -30);
    assertThat(invalid(negativeStep).field()).isEqualTo("workflow[0].timeoutSeconds");
  }

  @Test
  void a_minimum_level_outside_one_to_ten_is_refused_naming_its_path() {
    assertThat(invalid(billing().put("requiredSkills", new JsonArray().add(skill("billing", 11)))).field())
        .isEqualTo("requiredSkills[0].minimumLevel");
    JsonObject zero = billing();
    zero.getJsonArray("workflow").getJsonObject(0).getJsonObject("target")
        .put("minimumSkills", new JsonArray().add(skill("billing", 0)));
    assertThat(invalid(zero).field()).isEqualTo("workflow[0].target.minimumSkills[0].minimumLevel");
  }

  @Test
  void a_step_before_the_last_without_a_timeout_is_refused() {
    JsonObject body = billing();
    body.getJsonArray("workflow").getJsonObject(0).remove("timeoutSeconds");

    QueueRequest.Invalid invalid = invalid(body);

    assertThat(invalid.field()).isEqualTo("workflow[0].timeoutSeconds");
    assertThat(invalid.reason()).contains("only the last step");
  }

  @Test
  void the_same_skill_or_agent_twice_in_one_list_is_refused() {
    assertThat(invalid(billing().put("requiredSkills", new JsonArray().add(skill("a", 1)).add(skill("a", 2))))
        .field()).isEqualTo("requiredSkills[1].skill");
    assertThat(invalid(billing().put("memberOrder", new JsonArray().add("ada").add("ada"))).field())
        .isEqualTo("memberOrder[1]");
  }

  @Test
  void unknown_fields_and_missing_ids_are_refused_rather_than_ignored() {
    assertThat(invalid(billing().put("strateggy", "ring-all")).field()).isEqualTo("strateggy");
    assertThat(invalid(billing().put("workflow", new JsonArray().add(new JsonObject().put("wait", 3)))).field())
        .isEqualTo("workflow[0].wait");
    assertThat(invalid(new JsonObject().put("name", "no id")).field()).isEqualTo("id");
  }

  @Test
  void a_replacement_takes_its_id_from_the_path_and_refuses_another_in_the_body() {
    assertThat(QueueRequest.replace("billing", new JsonObject().put("strategy", "linear")))
        .isInstanceOfSatisfying(QueueRequest.Valid.class, v -> assertThat(v.queue().id().value()).isEqualTo("billing"));
    assertThat(QueueRequest.replace("billing", new JsonObject().put("id", "sales")))
        .isEqualTo(new QueueRequest.Invalid("id", "must be the id in the path, 'billing'"));
  }
}
